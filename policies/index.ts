// The registry: every policy of the pack, in catalog order. Adding a policy = one file here + one case table.
import { Policy } from "../lib/policy";
import s3PublicAccessBlock from "./s3-public-access-block";
import skipFinalSnapshot from "./skip-final-snapshot";

export const policies: readonly Policy[] = [
    // naming
    // versions
    // encryption
    // public-access
    s3PublicAccessBlock,
    // retention
    // destroyability
    skipFinalSnapshot,
];
