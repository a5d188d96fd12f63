import { Cases, UNKNOWN, secret } from "../tester";

const ALB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188";
const NLB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/tcp/50dc6c495c0c9188";
const GWLB = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/gwy/inspect/50dc6c495c0c9188";
const TG = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/73e2d6bc24d8a067";
const CERT = "arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012";
const forward = [{ type: "forward", targetGroupArn: TG }];
const toHttps = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];

export const cases: Cases = {
    valid: [
        { why: "a fixed 404 over HTTP forwards nothing to targets", props: { protocol: "HTTP", defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }] } },
        { why: "HTTPS listener with a certificate forwarding to a target group", props: { loadBalancerArn: ALB, port: 443, protocol: "HTTPS", certificateArn: CERT, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06", defaultActions: forward } },
        { why: "HTTP:80 redirecting to HTTPS", props: { loadBalancerArn: ALB, port: 80, protocol: "HTTP", defaultActions: toHttps } },
        { why: "redirect protocol in lower case", props: { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "https", statusCode: "HTTP_302" } }] } },
        { why: "aws.alb.Listener token", type: "aws:alb/listener:Listener", props: { port: 80, protocol: "HTTP", defaultActions: toHttps } },
        { why: "protocol unknown during preview", props: { protocol: UNKNOWN, defaultActions: forward } },
        { why: "default actions unknown", props: { protocol: "HTTP", defaultActions: UNKNOWN } },
        { why: "action type unknown (could be a redirect)", props: { protocol: "HTTP", defaultActions: [{ type: UNKNOWN }] } },
        { why: "redirect protocol unknown", props: { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: UNKNOWN, statusCode: "HTTP_301" } }] } },
        { why: "certificate being issued (unknown)", props: { protocol: "HTTPS", certificateArn: UNKNOWN, defaultActions: forward } },
        { why: "certificate ARN marked secret", props: { protocol: "HTTPS", certificateArn: secret(CERT), defaultActions: forward } },
        { why: "NLB TCP pass-through is not checked", props: { loadBalancerArn: NLB, port: 5432, protocol: "TCP", defaultActions: forward } },
        { why: "NLB TLS listener with a certificate", props: { loadBalancerArn: NLB, port: 443, protocol: "TLS", certificateArn: CERT, defaultActions: forward } },
        { why: "no protocol, load balancer not known yet (could be NLB or GWLB)", props: { loadBalancerArn: UNKNOWN, port: 80, defaultActions: forward } },
        { why: "Gateway Load Balancer listener has no protocol", props: { loadBalancerArn: GWLB, defaultActions: forward } },
        { why: "HTTP listener with no actions serves nothing", props: { protocol: "HTTP", defaultActions: [] } },
        { why: "malformed actions do not throw", props: { protocol: "HTTP", defaultActions: [null, 42, "forward", { type: 7 }] } },
        { why: "malformed protocol", props: { protocol: ["HTTP"], defaultActions: forward } },
        { why: "an action of unknown type ahead of a forward may be the HTTPS redirect", props: { protocol: "HTTP", defaultActions: [{ type: UNKNOWN }, ...forward] } },
    ],
    invalid: [
        {
            why: "seeds 003/004: HTTP:80 forwarding to a target group",
            props: { loadBalancerArn: ALB, port: 80, protocol: "HTTP", defaultActions: forward },
            messageId: "plainHttp",
            includes: ['"HTTP"', "forward", "HTTPS"],
        },
        { why: "aws.alb.Listener token", type: "aws:alb/listener:Listener", props: { port: 80, protocol: "HTTP", defaultActions: forward }, messageId: "plainHttp" },
        { why: "lower-case protocol", props: { protocol: "http", defaultActions: forward }, messageId: "plainHttp" },
        { why: "redirect that keeps HTTP", props: { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { host: "www.example.com", statusCode: "HTTP_301" } }] }, messageId: "plainHttp", includes: ["plain HTTP"] },
        { why: "authenticate then forward over HTTP", props: { protocol: "HTTP", defaultActions: [{ type: "authenticate-oidc", authenticateOidc: { clientSecret: secret("oidc-client-secret-xyz") } }, ...forward] }, messageId: "plainHttp", includes: ["authenticate-oidc"] },
        { why: "protocol unset on an ALB means HTTP", props: { loadBalancerArn: ALB, port: 80, defaultActions: forward }, messageId: "plainHttp", includes: ["not set", "Application Load Balancer"] },
        { why: "secret target group ARN is not printed", props: { protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: secret("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/hidden/1") }] }, messageId: "plainHttp", count: 1 },
        { why: "HTTPS without certificateArn", props: { loadBalancerArn: ALB, port: 443, protocol: "HTTPS", defaultActions: forward }, messageId: "noCertificate", includes: ["certificateArn", '"HTTPS"'] },
        { why: "NLB TLS without certificateArn", props: { loadBalancerArn: NLB, port: 443, protocol: "TLS", certificateArn: "", defaultActions: forward }, messageId: "noCertificate" },
        { why: "an explicit HTTP protocol gets no note about the ALB default", props: { loadBalancerArn: ALB, protocol: "HTTP", defaultActions: forward }, messageId: "plainHttp", includes: ['protocol is "HTTP" and the default action is forward'] },
    ],
};
