// The registry: every policy of the pack, in catalog order. Adding a policy = one file here + one case table.
import { Policy } from "../lib/policy";
import docdbEngineVersion from "./docdb-engine-version";
import eksClusterVersion from "./eks-cluster-version";
import elasticacheEngineVersion from "./elasticache-engine-version";
import lambdaRuntime from "./lambda-runtime";
import lambdaRuntimeDeprecated from "./lambda-runtime-deprecated";
import mskKafkaVersion from "./msk-kafka-version";
import neptuneEngineVersion from "./neptune-engine-version";
import opensearchEngineVersion from "./opensearch-engine-version";
import rdsEngineVersion from "./rds-engine-version";
import customerManagedKey from "./customer-managed-key";
import databaseNotPubliclyAccessible from "./database-not-publicly-accessible";
import ebsVolumeEncrypted from "./ebs-volume-encrypted";
import efsEncrypted from "./efs-encrypted";
import elasticacheEncryptedAtRest from "./elasticache-encrypted-at-rest";
import kmsKeyRotation from "./kms-key-rotation";
import opensearchEncryptedAtRest from "./opensearch-encrypted-at-rest";
import rdsStorageEncrypted from "./rds-storage-encrypted";
import redshiftEncrypted from "./redshift-encrypted";
import s3BucketEncryption from "./s3-bucket-encryption";
import s3NoPublicAcl from "./s3-no-public-acl";
import securityGroupNoPublicIngress from "./security-group-no-public-ingress";
import cloudwatchLogGroupRetention from "./cloudwatch-log-group-retention";
import deletionProtectionDisabled from "./deletion-protection-disabled";
import backupVaultForceDestroy from "./backup-vault-force-destroy";
import ecrForceDelete from "./ecr-force-delete";
import kinesisStreamRetention from "./kinesis-stream-retention";
import kmsDeletionWindow from "./kms-deletion-window";
import noProtectOption from "./no-protect-option";
import rdsBackupRetention from "./rds-backup-retention";
import resourceNameEnvironmentSuffix from "./resource-name-environment-suffix";
import s3ForceDestroy from "./s3-force-destroy";
import secretRecoveryWindow from "./secret-recovery-window";
import skipDestroy from "./skip-destroy";
import sqsMessageRetention from "./sqs-message-retention";
import s3PublicAccessBlock from "./s3-public-access-block";
import skipFinalSnapshot from "./skip-final-snapshot";
import databasePasswordHardcoded from "./database-password-hardcoded";
import generatedPasswordCharacters from "./generated-password-characters";
import albListenerHttps from "./alb-listener-https";
import tlsPolicyOutdated from "./tls-policy-outdated";
import opensearchHttpsEnforced from "./opensearch-https-enforced";
import elasticacheTransitEncryption from "./elasticache-transit-encryption";
import iamNoAdminWildcard from "./iam-no-admin-wildcard";
import iamNoServiceWildcard from "./iam-no-service-wildcard";
import requiredTags from "./required-tags";
import physicalNameLength from "./physical-name-length";
import duplicatePhysicalName from "./duplicate-physical-name";
import lambdaAsyncFailureDestination from "./lambda-async-failure-destination";
import rdsLogExports from "./rds-log-exports";
import dynamodbPointInTimeRecovery from "./dynamodb-point-in-time-recovery";
import ecrScanOnPush from "./ecr-scan-on-push";
import ecrLifecyclePolicy from "./ecr-lifecycle-policy";
import albAccessLogs from "./alb-access-logs";
import natGatewayPerAz from "./nat-gateway-per-az";
import lambdaDefaultMemoryTimeout from "./lambda-default-memory-timeout";
import eventbridgeRuleHasTarget from "./eventbridge-rule-has-target";
import eventbridgeLambdaPermission from "./eventbridge-lambda-permission";
import vpcPeeringAccepted from "./vpc-peering-accepted";
import vpcPeeringAutoAcceptPeerRegion from "./vpc-peering-auto-accept-peer-region";
import backupCopyDestinationExists from "./backup-copy-destination-exists";
import s3ReplicationDestinationExists from "./s3-replication-destination-exists";
import route53HealthCheckMatchesListener from "./route53-health-check-matches-listener";
import cloudwatchAlarmDimensionArnSuffix from "./cloudwatch-alarm-dimension-arn-suffix";
import cloudwatchAlarmThresholdUnit from "./cloudwatch-alarm-threshold-unit";
import versionFactsAge from "./version-facts-age";
import s3NotificationDestinationPermission from "./s3-notification-destination-permission";
import sqsLambdaTriggerLimits from "./sqs-lambda-trigger-limits";
import sqsDeadLetterQueueType from "./sqs-dead-letter-queue-type";
import kmsKeyPolicyAllowsService from "./kms-key-policy-allows-service";
import resourcePolicyPublic from "./resource-policy-public";
import lambdaPermissionPublic from "./lambda-permission-public";
import lambdaFunctionUrlPublic from "./lambda-function-url-public";
import eksEndpointPublic from "./eks-endpoint-public";
import snapshotPublic from "./snapshot-public";
import ec2PublicIp from "./ec2-public-ip";
import credentialsInEnvironment from "./credentials-in-environment";
import iamRoleTrustPublic from "./iam-role-trust-public";
import ec2Imdsv2Required from "./ec2-imdsv2-required";
import rdsInstanceClassAvailable from "./rds-instance-class-available";
import rdsClusterInstanceMatchesCluster from "./rds-cluster-instance-matches-cluster";
import albSubnetsTwoZones from "./alb-subnets-two-zones";
import s3ReplicationVersioning from "./s3-replication-versioning";
import securityGroupInlineAndSeparateRules from "./security-group-inline-and-separate-rules";
import iamRoleInlineAndSeparatePolicies from "./iam-role-inline-and-separate-policies";

export const policies: readonly Policy[] = [
    // naming
    resourceNameEnvironmentSuffix,
    // versions
    rdsEngineVersion,
    docdbEngineVersion,
    neptuneEngineVersion,
    elasticacheEngineVersion,
    opensearchEngineVersion,
    mskKafkaVersion,
    eksClusterVersion,
    lambdaRuntime,
    lambdaRuntimeDeprecated,
    versionFactsAge,
    rdsInstanceClassAvailable,
    // encryption
    rdsStorageEncrypted,
    ebsVolumeEncrypted,
    efsEncrypted,
    opensearchEncryptedAtRest,
    elasticacheEncryptedAtRest,
    redshiftEncrypted,
    kmsKeyRotation,
    customerManagedKey,
    s3BucketEncryption,
    // public-access
    s3NoPublicAcl,
    databaseNotPubliclyAccessible,
    securityGroupNoPublicIngress,
    s3PublicAccessBlock,
    resourcePolicyPublic,
    lambdaPermissionPublic,
    lambdaFunctionUrlPublic,
    eksEndpointPublic,
    snapshotPublic,
    ec2PublicIp,
    // retention
    cloudwatchLogGroupRetention,
    rdsBackupRetention,
    sqsMessageRetention,
    kinesisStreamRetention,
    // destroyability
    deletionProtectionDisabled,
    s3ForceDestroy,
    ecrForceDelete,
    backupVaultForceDestroy,
    kmsDeletionWindow,
    secretRecoveryWindow,
    noProtectOption,
    skipDestroy,
    skipFinalSnapshot,
    // secrets
    databasePasswordHardcoded,
    generatedPasswordCharacters,
    credentialsInEnvironment,
    // transport
    albListenerHttps,
    tlsPolicyOutdated,
    opensearchHttpsEnforced,
    elasticacheTransitEncryption,
    // iam
    iamNoAdminWildcard,
    iamNoServiceWildcard,
    iamRoleTrustPublic,
    ec2Imdsv2Required,
    // tags
    requiredTags,
    // wiring
    eventbridgeRuleHasTarget,
    eventbridgeLambdaPermission,
    vpcPeeringAccepted,
    vpcPeeringAutoAcceptPeerRegion,
    backupCopyDestinationExists,
    s3ReplicationDestinationExists,
    route53HealthCheckMatchesListener,
    cloudwatchAlarmDimensionArnSuffix,
    cloudwatchAlarmThresholdUnit,
    s3NotificationDestinationPermission,
    sqsLambdaTriggerLimits,
    sqsDeadLetterQueueType,
    kmsKeyPolicyAllowsService,
    rdsClusterInstanceMatchesCluster,
    albSubnetsTwoZones,
    s3ReplicationVersioning,
    securityGroupInlineAndSeparateRules,
    iamRoleInlineAndSeparatePolicies,
    // names
    physicalNameLength,
    duplicatePhysicalName,
    // resilience
    lambdaAsyncFailureDestination,
    rdsLogExports,
    dynamodbPointInTimeRecovery,
    ecrScanOnPush,
    ecrLifecyclePolicy,
    albAccessLogs,
    natGatewayPerAz,
    lambdaDefaultMemoryTimeout,
];
