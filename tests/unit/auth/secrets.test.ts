import { describe, expect, it } from "vitest";
import { auditEventsToCsv } from "../../../lib/audit";
import { MASK, maskArgvSecrets, maskEnv, maskedNames, restoreMaskedEnv } from "../../../lib/secrets";

describe("secrets in environments and argv", () => {
  it("masks values whose names look secret, and only those", () => {
    expect(maskEnv({ HF_TOKEN: "hf_abc", MY_API_KEY: "k", DB_PASSWORD: "p", AWS_SECRET_ACCESS_KEY: "s", NCCL_P2P_DISABLE: "1", EMPTY_TOKEN: "" })).toEqual({
      HF_TOKEN: MASK,
      MY_API_KEY: MASK,
      DB_PASSWORD: MASK,
      AWS_SECRET_ACCESS_KEY: MASK,
      NCCL_P2P_DISABLE: "1",
      EMPTY_TOKEN: "",
    });
  });

  it("keeps the stored secret when a masked profile is saved back, and names what cannot be restored", () => {
    expect(restoreMaskedEnv({ HF_TOKEN: MASK, A: "2" }, { HF_TOKEN: "hf_abc", A: "1" })).toEqual({ HF_TOKEN: "hf_abc", A: "2" });
    expect(maskedNames({ HF_TOKEN: MASK, A: "1" })).toEqual(["HF_TOKEN"]);
  });

  it("masks --api-key in both argparse spellings", () => {
    expect(maskArgvSecrets(["--api-key", "sk-1", "--port", "1", "--api-key=sk-2"])).toEqual(["--api-key", MASK, "--port", "1", `--api-key=${MASK}`]);
  });
});

describe("the audit trail's CSV", () => {
  it("quotes commas and quotes, and defuses cells a spreadsheet would run as formulas", () => {
    const csv = auditEventsToCsv([
      { id: "1", at: "2026-12-03T10:00:00.000Z", actorId: "u1", actorName: "Ann, admin", action: "instance_launch", target: "=cmd()", detail: { argv: ["a"] }, ip: "127.0.0.1" },
    ]);
    const [header, row] = csv.trimEnd().split("\r\n");
    expect(header).toBe("time,actor,actor_id,action,target,ip,detail");
    expect(row).toBe(`2026-12-03T10:00:00.000Z,"Ann, admin",u1,instance_launch,"'=cmd()",127.0.0.1,"{""argv"":[""a""]}"`);
  });
});
