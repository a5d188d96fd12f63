import type * as aws from "@pulumi/aws";
import { definePolicy } from "../lib/policy";
import { asString, isSet } from "../lib/values";

type ListenerArgs = aws.lb.ListenerArgs & aws.alb.ListenerArgs;
const PROTOCOL: keyof ListenerArgs = "protocol";
const SSL_POLICY: keyof ListenerArgs = "sslPolicy";
const ENDPOINT: keyof aws.opensearch.DomainArgs & keyof aws.elasticsearch.DomainArgs = "domainEndpointOptions";
const TLS_POLICY = `${ENDPOINT}.tlsSecurityPolicy`;

const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
const DOMAIN_TYPES = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"];

// What the API applies when the property is absent (ELB CreateListener docs; CloudFormation DomainEndpointOptions docs).
const LISTENER_DEFAULT = "ELBSecurityPolicy-2016-08";
const DOMAIN_DEFAULT = "Policy-Min-TLS-1-0-2019-07";

interface Config {
    outdatedPolicies: string[];
}

/**
 * Policies whose minimum is TLS 1.0 or 1.1, judged from the names (TLS13-1-0, TLS-1-1, FS-1-1) and, for 2016-08 and FS-2018-06,
 * from AWS's policy tables. Names: aws-cdk-lib 2.276.0 SslPolicy enum (2026-11-10) and the OpenSearch API TLSSecurityPolicy enum.
 */
const OUTDATED = [
    "ELBSecurityPolicy-2016-08",
    "ELBSecurityPolicy-TLS-1-0-2015-04",
    "ELBSecurityPolicy-TLS-1-1-2017-01",
    "ELBSecurityPolicy-FS-2018-06",
    "ELBSecurityPolicy-FS-1-1-2019-08",
    "ELBSecurityPolicy-TLS13-1-0-2021-06",
    "ELBSecurityPolicy-TLS13-1-1-2021-06",
    "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09",
    DOMAIN_DEFAULT,
];

export default definePolicy<Config>({
    kind: "resource",
    name: "tls-policy-outdated",
    family: "transport",
    description: "HTTPS/TLS load balancer listeners and OpenSearch endpoints use a TLS policy whose minimum version is TLS 1.2.",
    enforcementLevel: "advisory",
    severity: "medium",
    types: [...LISTENER_TYPES, ...DOMAIN_TYPES],
    config: {
        outdatedPolicies: {
            type: "array",
            items: { type: "string", minLength: 1 },
            default: OUTDATED,
            description:
                "ELB security policy and OpenSearch TLS policy names that accept TLS 1.0 or 1.1 (compared case-insensitively). Defaults come from the " +
                "aws-cdk-lib 2.276.0 SslPolicy enum and the OpenSearch API, classified by the minimum TLS version in the name.",
        },
    },
    messages: {
        listenerPolicy:
            "sslPolicy is {{value}}{{note}}, which still accepts TLS 1.0/1.1 (deprecated by RFC 8996, not allowed by PCI DSS). Set " +
            "`sslPolicy: \"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09\"` (AWS's recommendation) or another TLS13-1-2 policy.",
        domainPolicy:
            "domainEndpointOptions.tlsSecurityPolicy is {{value}}{{note}}, which accepts TLS 1.0 and 1.1 (deprecated by RFC 8996). Set " +
            "`domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: \"Policy-Min-TLS-1-2-PFS-2023-10\" }`.",
    },
    remediationSteps:
        "Set `sslPolicy` on HTTPS and TLS listeners to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 or " +
        "ELBSecurityPolicy-TLS13-1-2-2021-06, and `domainEndpointOptions.tlsSecurityPolicy` to Policy-Min-TLS-1-2-PFS-2023-10. Both change in place. " +
        "Clients that only speak TLS 1.0/1.1 stop connecting; access logs show which TLS versions clients use.",
    check({ resource, get, config, report }) {
        const outdated = new Set(config.outdatedPolicies.map((p) => p.toLowerCase()));
        const listener = LISTENER_TYPES.includes(resource.type);
        if (listener) {
            const protocol = asString(get(PROTOCOL))?.trim().toUpperCase();
            if (protocol !== "HTTPS" && protocol !== "TLS") return;
        }
        const property = listener ? SSL_POLICY : TLS_POLICY;
        const policy = get(property);
        const fallback = listener ? LISTENER_DEFAULT : DOMAIN_DEFAULT;
        // An unknown policy counts as set but is no string, so it is not judged.
        const name = isSet(policy) ? asString(policy) : fallback;
        if (name === undefined || !outdated.has(name.toLowerCase())) return;
        const note = isSet(policy) ? "" : ` (not set: the API default is ${fallback})`;
        report(listener ? "listenerPolicy" : "domainPolicy", { property, value: policy, note });
    },
});
