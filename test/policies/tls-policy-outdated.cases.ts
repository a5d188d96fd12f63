import { Cases, UNKNOWN, secret } from "../tester";

const CERT = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012";
const https = { port: 443, protocol: "HTTPS", certificateArn: CERT, defaultActions: [{ type: "forward", targetGroupArn: UNKNOWN }] };
const DOMAIN = "aws:opensearch/domain:Domain";
const domain = { domainName: "search", engineVersion: "OpenSearch_2.19", nodeToNodeEncryption: { enabled: true }, encryptAtRest: { enabled: true } };

export const cases: Cases = {
    valid: [
        { why: "CDK's recommended TLS 1.2+ policy", props: { ...https, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" } },
        { why: "AWS's current recommendation", props: { ...https, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" } },
        { why: "aws.alb.Listener token", type: "aws:alb/listener:Listener", props: { ...https, sslPolicy: "ELBSecurityPolicy-FS-1-2-Res-2020-10" } },
        { why: "NLB TLS listener with a TLS 1.3-only policy", props: { ...https, protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" } },
        { why: "HTTP listener has no TLS policy", props: { port: 80, protocol: "HTTP", defaultActions: [] } },
        { why: "TCP listener has no TLS policy", props: { port: 5432, protocol: "TCP" } },
        { why: "policy unknown during preview", props: { ...https, sslPolicy: UNKNOWN } },
        { why: "protocol unknown during preview", props: { ...https, protocol: UNKNOWN } },
        { why: "secret-wrapped current policy", props: { ...https, sslPolicy: secret("ELBSecurityPolicy-TLS13-1-3-2021-06") } },
        { why: "a policy name this pack does not know yet", props: { ...https, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2027-01" } },
        { why: "admin cleared the outdated list", config: { outdatedPolicies: [] }, props: https },
        { why: "OpenSearch with the PFS TLS 1.2 policy", type: DOMAIN, props: { ...domain, domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" } } },
        { why: "Elasticsearch with the TLS 1.2 policy", type: "aws:elasticsearch/domain:Domain", props: { domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } } },
        { why: "endpoint options unknown", type: DOMAIN, props: { ...domain, domainEndpointOptions: UNKNOWN } },
        { why: "TLS policy unknown", type: DOMAIN, props: { ...domain, domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: UNKNOWN } } },
        { why: "malformed sslPolicy (a number) is not judged", props: { ...https, sslPolicy: 5 } },
    ],
    invalid: [
        { why: "HTTPS without sslPolicy gets ELBSecurityPolicy-2016-08", props: https, messageId: "listenerPolicy", includes: ["not set", "ELBSecurityPolicy-2016-08"] },
        { why: "explicit 2016-08", props: { ...https, sslPolicy: "ELBSecurityPolicy-2016-08" }, messageId: "listenerPolicy", includes: ['"ELBSecurityPolicy-2016-08"'] },
        { why: "TLS 1.1 policy", props: { ...https, sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" }, messageId: "listenerPolicy" },
        { why: "an explicit policy gets no note about the default", props: { ...https, sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" }, messageId: "listenerPolicy", includes: ['sslPolicy is "ELBSecurityPolicy-TLS-1-1-2017-01", which'] },
        { why: "NLB TLS listener with a TLS13-1-0 policy", props: { ...https, protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" }, messageId: "listenerPolicy" },
        { why: "aws.alb.Listener token", type: "aws:alb/listener:Listener", props: { ...https, sslPolicy: "ELBSecurityPolicy-FS-2018-06" }, messageId: "listenerPolicy" },
        { why: "admin adds a policy to the list", config: { outdatedPolicies: ["ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06"] }, props: { ...https, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06" }, messageId: "listenerPolicy" },
        { why: "secret-wrapped outdated policy is not printed", props: { ...https, sslPolicy: secret("ELBSecurityPolicy-TLS-1-0-2015-04") }, messageId: "listenerPolicy", includes: ["[secret]"] },
        { why: "OpenSearch without endpoint options gets TLS 1.0", type: DOMAIN, props: domain, messageId: "domainPolicy", includes: ["not set", "Policy-Min-TLS-1-0-2019-07"] },
        { why: "OpenSearch with the TLS 1.0 policy", type: DOMAIN, props: { ...domain, domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" } }, messageId: "domainPolicy" },
        { why: "Elasticsearch endpoint block without a policy", type: "aws:elasticsearch/domain:Domain", props: { domainEndpointOptions: { enforceHttps: true } }, messageId: "domainPolicy" },
        { why: "malformed endpoint options fall back to the default", type: DOMAIN, props: { ...domain, domainEndpointOptions: "garbage" }, messageId: "domainPolicy" },
    ],
};
