"""Exception classes that print with the module names of the libraries SGLang uses.

Python prints `module.QualName: message` for a raised exception, so these make a
real traceback read like torch's, huggingface_hub's or NCCL's.
"""


def _named(module, name, base):
    cls = type(name, (base,), {})
    cls.__module__ = module
    cls.__qualname__ = name
    return cls


HFValidationError = _named("huggingface_hub.errors", "HFValidationError", ValueError)
OutOfMemoryError = _named("torch", "OutOfMemoryError", RuntimeError)
AcceleratorError = _named("torch", "AcceleratorError", RuntimeError)
DistBackendError = _named("torch.distributed", "DistBackendError", RuntimeError)
