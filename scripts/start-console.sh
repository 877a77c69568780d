#!/bin/sh
# Starts the built console (`npm run build` first): `npm start` and the tests start it this way.
#
# glibc keeps the memory of freed large buffers in its heaps (it raises its trim threshold as it goes)
# and gives each thread its own arena: after a log flood the console's resident memory stayed up by
# 80–90 MB while its heap had grown 8 MB (bench:logs). A fixed trim threshold and two arenas return it.
# Only the console gets these: servers inherit the console's environment without them (lib/server-env.ts).
# --expose-gc lets it collect once after a log flood has gone quiet (server/logs/memory-reducer.ts).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1048576}"
cd "$(dirname "$0")/.." || exit 1
exec "${NODE:-node}" --expose-gc dist/server/server/index.js "$@"
