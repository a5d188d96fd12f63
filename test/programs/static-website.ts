// A static site: private content bucket read by CloudFront through an origin access control, a certificate in
// us-east-1 (CloudFront's region), DNS alias records, and a second, public S3 website bucket that only redirects
// the apex domain to www. Modelled on pulumi/templates static-website-aws-typescript and pulumi/examples
// aws-ts-static-website.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export function staticWebsite(): void {
    const domain = "www.example.org";
    const zone = aws.route53.getZoneOutput({ name: "example.org" });
    // CloudFront only accepts ACM certificates issued in us-east-1.
    const useast1 = new aws.Provider("us-east-1", { region: "us-east-1" });

    const logs = new aws.s3.Bucket("site-logs", { forceDestroy: true });
    new aws.s3.BucketPublicAccessBlock("site-logs", {
        bucket: logs.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    // CloudFront standard logging writes with ACLs, so the log bucket keeps them enabled for its owner only.
    new aws.s3.BucketOwnershipControls("site-logs", { bucket: logs.id, rule: { objectOwnership: "BucketOwnerPreferred" } });
    new aws.s3.BucketServerSideEncryptionConfiguration("site-logs", {
        bucket: logs.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    new aws.s3.BucketLifecycleConfiguration("site-logs", {
        bucket: logs.id,
        rules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 90 } }],
    });

    const content = new aws.s3.Bucket("site-content", { forceDestroy: true });
    new aws.s3.BucketPublicAccessBlock("site-content", {
        bucket: content.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    new aws.s3.BucketServerSideEncryptionConfiguration("site-content", {
        bucket: content.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }],
    });
    new aws.s3.BucketObject("index.html", {
        bucket: content.id,
        key: "index.html",
        contentType: "text/html",
        content: "<html><body>hello</body></html>",
    });

    const certificate = new aws.acm.Certificate("site", { domainName: domain, validationMethod: "DNS" }, { provider: useast1 });
    const validationRecord = new aws.route53.Record("site-validation", {
        zoneId: zone.zoneId,
        name: certificate.domainValidationOptions[0].resourceRecordName,
        type: certificate.domainValidationOptions[0].resourceRecordType,
        records: [certificate.domainValidationOptions[0].resourceRecordValue],
        ttl: 300,
    });
    const validation = new aws.acm.CertificateValidation(
        "site",
        { certificateArn: certificate.arn, validationRecordFqdns: [validationRecord.fqdn] },
        { provider: useast1 },
    );

    const oac = new aws.cloudfront.OriginAccessControl("site", {
        originAccessControlOriginType: "s3",
        signingBehavior: "always",
        signingProtocol: "sigv4",
    });
    const cdn = new aws.cloudfront.Distribution("site", {
        enabled: true,
        isIpv6Enabled: true,
        aliases: [domain],
        defaultRootObject: "index.html",
        origins: [{ originId: "content", domainName: content.bucketRegionalDomainName, originAccessControlId: oac.id }],
        defaultCacheBehavior: {
            targetOriginId: "content",
            viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: ["GET", "HEAD"],
            cachedMethods: ["GET", "HEAD"],
            // AWS managed policy "CachingOptimized".
            cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
            compress: true,
        },
        customErrorResponses: [{ errorCode: 404, responseCode: 404, responsePagePath: "/404.html" }],
        priceClass: "PriceClass_100",
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: { acmCertificateArn: validation.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
        loggingConfig: { bucket: logs.bucketDomainName, prefix: "cdn/", includeCookies: false },
    });

    // Only this distribution may read the content bucket.
    new aws.s3.BucketPolicy("site-content", {
        bucket: content.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "CloudFrontRead",
                    Effect: "Allow",
                    Principal: { Service: "cloudfront.amazonaws.com" },
                    Action: "s3:GetObject",
                    Resource: pulumi.interpolate`${content.arn}/*`,
                    Condition: { StringEquals: { "AWS:SourceArn": cdn.arn } },
                },
                {
                    Sid: "TlsOnly",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "s3:*",
                    Resource: [content.arn, pulumi.interpolate`${content.arn}/*`],
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ],
        }),
    });

    new aws.route53.Record("site-a", {
        zoneId: zone.zoneId,
        name: domain,
        type: "A",
        aliases: [{ name: cdn.domainName, zoneId: cdn.hostedZoneId, evaluateTargetHealth: false }],
    });
    new aws.route53.Record("site-aaaa", {
        zoneId: zone.zoneId,
        name: domain,
        type: "AAAA",
        aliases: [{ name: cdn.domainName, zoneId: cdn.hostedZoneId, evaluateTargetHealth: false }],
    });

    // The apex only redirects to www: an S3 website endpoint, which must be public to answer at all.
    const apex = new aws.s3.Bucket("apex-redirect", { forceDestroy: true });
    new aws.s3.BucketWebsiteConfiguration("apex-redirect", {
        bucket: apex.id,
        redirectAllRequestsTo: { hostName: domain, protocol: "https" },
    });
    new aws.s3.BucketPublicAccessBlock("apex-redirect", {
        bucket: apex.id,
        blockPublicAcls: true,
        blockPublicPolicy: false,
        ignorePublicAcls: true,
        restrictPublicBuckets: false,
    });
    new aws.s3.BucketPolicy("apex-redirect", {
        bucket: apex.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: pulumi.interpolate`${apex.arn}/*` }],
        }),
    });
}
