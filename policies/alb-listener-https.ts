import type * as aws from "@pulumi/aws";
import { fsbp } from "../lib/metadata";
import { definePolicy } from "../lib/policy";
import { asArray, asString, get, isSet, isUnknown } from "../lib/values";

type ListenerArgs = aws.lb.ListenerArgs & aws.alb.ListenerArgs;
const PROTOCOL: keyof ListenerArgs = "protocol";
const CERTIFICATE: keyof ListenerArgs = "certificateArn";
const ACTIONS: keyof ListenerArgs = "defaultActions";
const LOAD_BALANCER: keyof ListenerArgs = "loadBalancerArn";

/**
 * Action types that pass the request on to targets (authenticate-* and jwt-validation precede a forward). A fixed
 * response (a 403/404 catch-all) answers from the load balancer and forwards nothing.
 */
const SERVING = new Set(["forward", "authenticate-cognito", "authenticate-oidc", "jwt-validation"]);

/**
 * The default action through which an HTTP listener serves a request in clear text; undefined when it redirects to HTTPS,
 * serves nothing, or cannot be told at preview (an unknown action may be the redirect).
 */
function clearTextAction(actions: unknown): string | undefined {
    let serving: string | undefined;
    for (const action of asArray(actions)) {
        const type = get(action, "type");
        if (isUnknown(type)) return undefined;
        const name = asString(type)?.trim().toLowerCase() ?? "";
        if (name === "redirect") {
            const protocol = get(action, "redirect.protocol");
            if (isUnknown(protocol) || asString(protocol)?.trim().toUpperCase() === "HTTPS") return undefined;
            // Unset means "#{protocol}": the client is sent to another plain-HTTP URL.
            serving ??= "redirect (to plain HTTP)";
        } else if (SERVING.has(name)) {
            serving ??= name;
        }
    }
    return serving;
}

export default definePolicy({
    kind: "resource",
    name: "alb-listener-https",
    family: "transport",
    description: "Load balancer listeners do not serve traffic over plain HTTP, and HTTPS/TLS listeners have the certificate AWS requires.",
    enforcementLevel: "mandatory",
    severity: "high",
    types: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    messages: {
        plainHttp:
            "protocol is {{value}}{{note}} and the default action is {{action}}, so requests, cookies and credentials cross the network unencrypted. " +
            "Serve on an HTTPS listener (`protocol: \"HTTPS\"`, port 443, `certificateArn`) and make this one redirect: " +
            "`defaultActions: [{ type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } }]`.",
        noCertificate:
            "protocol is {{value}} but certificateArn is not set; set `certificateArn` to an ACM certificate ARN. AWS requires a default certificate " +
            "on HTTPS and TLS listeners, so creating this listener fails.",
    },
    framework: fsbp("ELB.1", "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS"),
    remediationSteps:
        "Add an HTTPS listener on 443 with an ACM `certificateArn` (and a current `sslPolicy`, see tls-policy-outdated) that forwards to the target " +
        "group, and change the HTTP:80 listener's default action to a redirect with `protocol: \"HTTPS\"`. Network Load Balancer TCP/UDP listeners are " +
        "not checked: TCP pass-through to targets that terminate TLS themselves is legitimate and cannot be told apart from clear text here.",
    check({ get: read, report }) {
        const protocol = read(PROTOCOL);
        let name = asString(protocol)?.trim().toUpperCase();
        let note = "";
        if (!isSet(protocol)) {
            // The provider sends HTTP only when the load balancer is an ALB (its ARN has "loadbalancer/app/"); NLB/GWLB get no default.
            if (!asString(read(LOAD_BALANCER))?.includes(":loadbalancer/app/")) return;
            name = "HTTP";
            note = " (the default on an Application Load Balancer is HTTP)";
        }
        if (name === "HTTPS" || name === "TLS") {
            const certificate = read(CERTIFICATE);
            if (!isUnknown(certificate) && !isSet(certificate)) report("noCertificate", { property: PROTOCOL, value: protocol });
            return;
        }
        if (name !== "HTTP") return;
        const action = clearTextAction(read(ACTIONS));
        if (action) report("plainHttp", { property: PROTOCOL, value: protocol, note, action });
    },
});
