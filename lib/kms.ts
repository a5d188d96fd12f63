// KMS key references: tells an AWS-managed key (alias/aws/<service>) from a customer-managed one.
import { asString } from "./values";

/** True for "alias/aws/sqs" or an alias ARN ending in it: keys AWS creates and whose policy nobody can edit. */
export function isAwsManagedKey(value: unknown): boolean {
    const id = asString(value);
    return id !== undefined && /(^|:)alias\/aws\//.test(id.trim());
}
