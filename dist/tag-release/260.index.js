export const id = 260;
export const ids = [260];
export const modules = {

/***/ 5260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Route53Client: () => (/* reexport */ Route53Client)
});

// UNUSED EXPORTS: $Command, AcceleratedRecoveryStatus, AccountLimit$, AccountLimitType, ActivateKeySigningKey$, ActivateKeySigningKeyCommand, ActivateKeySigningKeyRequest$, ActivateKeySigningKeyResponse$, AlarmIdentifier$, AliasTarget$, AssociateVPCWithHostedZone$, AssociateVPCWithHostedZoneCommand, AssociateVPCWithHostedZoneRequest$, AssociateVPCWithHostedZoneResponse$, Change$, ChangeAction, ChangeBatch$, ChangeCidrCollection$, ChangeCidrCollectionCommand, ChangeCidrCollectionRequest$, ChangeCidrCollectionResponse$, ChangeInfo$, ChangeResourceRecordSets$, ChangeResourceRecordSetsCommand, ChangeResourceRecordSetsRequest$, ChangeResourceRecordSetsResponse$, ChangeStatus, ChangeTagsForResource$, ChangeTagsForResourceCommand, ChangeTagsForResourceRequest$, ChangeTagsForResourceResponse$, CidrBlockInUseException, CidrBlockInUseException$, CidrBlockSummary$, CidrCollection$, CidrCollectionAlreadyExistsException, CidrCollectionAlreadyExistsException$, CidrCollectionChange$, CidrCollectionChangeAction, CidrCollectionInUseException, CidrCollectionInUseException$, CidrCollectionVersionMismatchException, CidrCollectionVersionMismatchException$, CidrRoutingConfig$, CloudWatchAlarmConfiguration$, CloudWatchRegion, CollectionSummary$, ComparisonOperator, ConcurrentModification, ConcurrentModification$, ConflictingDomainExists, ConflictingDomainExists$, ConflictingTypes, ConflictingTypes$, Coordinates$, CreateCidrCollection$, CreateCidrCollectionCommand, CreateCidrCollectionRequest$, CreateCidrCollectionResponse$, CreateHealthCheck$, CreateHealthCheckCommand, CreateHealthCheckRequest$, CreateHealthCheckResponse$, CreateHostedZone$, CreateHostedZoneCommand, CreateHostedZoneRequest$, CreateHostedZoneResponse$, CreateKeySigningKey$, CreateKeySigningKeyCommand, CreateKeySigningKeyRequest$, CreateKeySigningKeyResponse$, CreateQueryLoggingConfig$, CreateQueryLoggingConfigCommand, CreateQueryLoggingConfigRequest$, CreateQueryLoggingConfigResponse$, CreateResourceRecordSetProtections$, CreateResourceRecordSetProtectionsCommand, CreateResourceRecordSetProtectionsRequest$, CreateResourceRecordSetProtectionsResponse$, CreateReusableDelegationSet$, CreateReusableDelegationSetCommand, CreateReusableDelegationSetRequest$, CreateReusableDelegationSetResponse$, CreateTrafficPolicy$, CreateTrafficPolicyCommand, CreateTrafficPolicyInstance$, CreateTrafficPolicyInstanceCommand, CreateTrafficPolicyInstanceRequest$, CreateTrafficPolicyInstanceResponse$, CreateTrafficPolicyRequest$, CreateTrafficPolicyResponse$, CreateTrafficPolicyVersion$, CreateTrafficPolicyVersionCommand, CreateTrafficPolicyVersionRequest$, CreateTrafficPolicyVersionResponse$, CreateVPCAssociationAuthorization$, CreateVPCAssociationAuthorizationCommand, CreateVPCAssociationAuthorizationRequest$, CreateVPCAssociationAuthorizationResponse$, DNSSECNotFound, DNSSECNotFound$, DNSSECStatus$, DeactivateKeySigningKey$, DeactivateKeySigningKeyCommand, DeactivateKeySigningKeyRequest$, DeactivateKeySigningKeyResponse$, DelegationSet$, DelegationSetAlreadyCreated, DelegationSetAlreadyCreated$, DelegationSetAlreadyReusable, DelegationSetAlreadyReusable$, DelegationSetInUse, DelegationSetInUse$, DelegationSetNotAvailable, DelegationSetNotAvailable$, DelegationSetNotReusable, DelegationSetNotReusable$, DeleteCidrCollection$, DeleteCidrCollectionCommand, DeleteCidrCollectionRequest$, DeleteCidrCollectionResponse$, DeleteHealthCheck$, DeleteHealthCheckCommand, DeleteHealthCheckRequest$, DeleteHealthCheckResponse$, DeleteHostedZone$, DeleteHostedZoneCommand, DeleteHostedZoneRequest$, DeleteHostedZoneResponse$, DeleteKeySigningKey$, DeleteKeySigningKeyCommand, DeleteKeySigningKeyRequest$, DeleteKeySigningKeyResponse$, DeleteQueryLoggingConfig$, DeleteQueryLoggingConfigCommand, DeleteQueryLoggingConfigRequest$, DeleteQueryLoggingConfigResponse$, DeleteResourceRecordSetProtections$, DeleteResourceRecordSetProtectionsCommand, DeleteResourceRecordSetProtectionsRequest$, DeleteResourceRecordSetProtectionsResponse$, DeleteReusableDelegationSet$, DeleteReusableDelegationSetCommand, DeleteReusableDelegationSetRequest$, DeleteReusableDelegationSetResponse$, DeleteTrafficPolicy$, DeleteTrafficPolicyCommand, DeleteTrafficPolicyInstance$, DeleteTrafficPolicyInstanceCommand, DeleteTrafficPolicyInstanceRequest$, DeleteTrafficPolicyInstanceResponse$, DeleteTrafficPolicyRequest$, DeleteTrafficPolicyResponse$, DeleteVPCAssociationAuthorization$, DeleteVPCAssociationAuthorizationCommand, DeleteVPCAssociationAuthorizationRequest$, DeleteVPCAssociationAuthorizationResponse$, Dimension$, DisableHostedZoneDNSSEC$, DisableHostedZoneDNSSECCommand, DisableHostedZoneDNSSECRequest$, DisableHostedZoneDNSSECResponse$, DisassociateVPCFromHostedZone$, DisassociateVPCFromHostedZoneCommand, DisassociateVPCFromHostedZoneRequest$, DisassociateVPCFromHostedZoneResponse$, EnableHostedZoneDNSSEC$, EnableHostedZoneDNSSECCommand, EnableHostedZoneDNSSECRequest$, EnableHostedZoneDNSSECResponse$, GeoLocation$, GeoLocationDetails$, GeoProximityLocation$, GetAccountLimit$, GetAccountLimitCommand, GetAccountLimitRequest$, GetAccountLimitResponse$, GetChange$, GetChangeCommand, GetChangeRequest$, GetChangeResponse$, GetCheckerIpRanges$, GetCheckerIpRangesCommand, GetCheckerIpRangesRequest$, GetCheckerIpRangesResponse$, GetDNSSEC$, GetDNSSECCommand, GetDNSSECRequest$, GetDNSSECResponse$, GetGeoLocation$, GetGeoLocationCommand, GetGeoLocationRequest$, GetGeoLocationResponse$, GetHealthCheck$, GetHealthCheckCommand, GetHealthCheckCount$, GetHealthCheckCountCommand, GetHealthCheckCountRequest$, GetHealthCheckCountResponse$, GetHealthCheckLastFailureReason$, GetHealthCheckLastFailureReasonCommand, GetHealthCheckLastFailureReasonRequest$, GetHealthCheckLastFailureReasonResponse$, GetHealthCheckRequest$, GetHealthCheckResponse$, GetHealthCheckStatus$, GetHealthCheckStatusCommand, GetHealthCheckStatusRequest$, GetHealthCheckStatusResponse$, GetHostedZone$, GetHostedZoneCommand, GetHostedZoneCount$, GetHostedZoneCountCommand, GetHostedZoneCountRequest$, GetHostedZoneCountResponse$, GetHostedZoneLimit$, GetHostedZoneLimitCommand, GetHostedZoneLimitRequest$, GetHostedZoneLimitResponse$, GetHostedZoneRequest$, GetHostedZoneResponse$, GetQueryLoggingConfig$, GetQueryLoggingConfigCommand, GetQueryLoggingConfigRequest$, GetQueryLoggingConfigResponse$, GetReusableDelegationSet$, GetReusableDelegationSetCommand, GetReusableDelegationSetLimit$, GetReusableDelegationSetLimitCommand, GetReusableDelegationSetLimitRequest$, GetReusableDelegationSetLimitResponse$, GetReusableDelegationSetRequest$, GetReusableDelegationSetResponse$, GetTrafficPolicy$, GetTrafficPolicyCommand, GetTrafficPolicyInstance$, GetTrafficPolicyInstanceCommand, GetTrafficPolicyInstanceCount$, GetTrafficPolicyInstanceCountCommand, GetTrafficPolicyInstanceCountRequest$, GetTrafficPolicyInstanceCountResponse$, GetTrafficPolicyInstanceRequest$, GetTrafficPolicyInstanceResponse$, GetTrafficPolicyRequest$, GetTrafficPolicyResponse$, HealthCheck$, HealthCheckAlreadyExists, HealthCheckAlreadyExists$, HealthCheckConfig$, HealthCheckInUse, HealthCheckInUse$, HealthCheckObservation$, HealthCheckRegion, HealthCheckType, HealthCheckVersionMismatch, HealthCheckVersionMismatch$, HostedZone$, HostedZoneAlreadyExists, HostedZoneAlreadyExists$, HostedZoneConfig$, HostedZoneFailureReasons$, HostedZoneFeatures$, HostedZoneLimit$, HostedZoneLimitType, HostedZoneNotEmpty, HostedZoneNotEmpty$, HostedZoneNotFound, HostedZoneNotFound$, HostedZoneNotPrivate, HostedZoneNotPrivate$, HostedZoneOwner$, HostedZonePartiallyDelegated, HostedZonePartiallyDelegated$, HostedZoneSummary$, HostedZoneType, IncompatibleVersion, IncompatibleVersion$, InsufficientCloudWatchLogsResourcePolicy, InsufficientCloudWatchLogsResourcePolicy$, InsufficientDataHealthStatus, InvalidArgument, InvalidArgument$, InvalidChangeBatch, InvalidChangeBatch$, InvalidDomainName, InvalidDomainName$, InvalidInput, InvalidInput$, InvalidKMSArn, InvalidKMSArn$, InvalidKeySigningKeyName, InvalidKeySigningKeyName$, InvalidKeySigningKeyStatus, InvalidKeySigningKeyStatus$, InvalidPaginationToken, InvalidPaginationToken$, InvalidResourceRecordSetProtectionBatch, InvalidResourceRecordSetProtectionBatch$, InvalidSigningStatus, InvalidSigningStatus$, InvalidTrafficPolicyDocument, InvalidTrafficPolicyDocument$, InvalidVPCId, InvalidVPCId$, KeySigningKey$, KeySigningKeyAlreadyExists, KeySigningKeyAlreadyExists$, KeySigningKeyInParentDSRecord, KeySigningKeyInParentDSRecord$, KeySigningKeyInUse, KeySigningKeyInUse$, KeySigningKeyWithActiveStatusNotFound, KeySigningKeyWithActiveStatusNotFound$, LastVPCAssociation, LastVPCAssociation$, LimitsExceeded, LimitsExceeded$, LinkedService$, ListCidrBlocks$, ListCidrBlocksCommand, ListCidrBlocksRequest$, ListCidrBlocksResponse$, ListCidrCollections$, ListCidrCollectionsCommand, ListCidrCollectionsRequest$, ListCidrCollectionsResponse$, ListCidrLocations$, ListCidrLocationsCommand, ListCidrLocationsRequest$, ListCidrLocationsResponse$, ListGeoLocations$, ListGeoLocationsCommand, ListGeoLocationsRequest$, ListGeoLocationsResponse$, ListHealthChecks$, ListHealthChecksCommand, ListHealthChecksRequest$, ListHealthChecksResponse$, ListHostedZones$, ListHostedZonesByName$, ListHostedZonesByNameCommand, ListHostedZonesByNameRequest$, ListHostedZonesByNameResponse$, ListHostedZonesByVPC$, ListHostedZonesByVPCCommand, ListHostedZonesByVPCRequest$, ListHostedZonesByVPCResponse$, ListHostedZonesCommand, ListHostedZonesRequest$, ListHostedZonesResponse$, ListQueryLoggingConfigs$, ListQueryLoggingConfigsCommand, ListQueryLoggingConfigsRequest$, ListQueryLoggingConfigsResponse$, ListResourceRecordSetProtections$, ListResourceRecordSetProtectionsCommand, ListResourceRecordSetProtectionsRequest$, ListResourceRecordSetProtectionsResponse$, ListResourceRecordSets$, ListResourceRecordSetsCommand, ListResourceRecordSetsRequest$, ListResourceRecordSetsResponse$, ListReusableDelegationSets$, ListReusableDelegationSetsCommand, ListReusableDelegationSetsRequest$, ListReusableDelegationSetsResponse$, ListTagsForResource$, ListTagsForResourceCommand, ListTagsForResourceRequest$, ListTagsForResourceResponse$, ListTagsForResources$, ListTagsForResourcesCommand, ListTagsForResourcesRequest$, ListTagsForResourcesResponse$, ListTrafficPolicies$, ListTrafficPoliciesCommand, ListTrafficPoliciesRequest$, ListTrafficPoliciesResponse$, ListTrafficPolicyInstances$, ListTrafficPolicyInstancesByHostedZone$, ListTrafficPolicyInstancesByHostedZoneCommand, ListTrafficPolicyInstancesByHostedZoneRequest$, ListTrafficPolicyInstancesByHostedZoneResponse$, ListTrafficPolicyInstancesByPolicy$, ListTrafficPolicyInstancesByPolicyCommand, ListTrafficPolicyInstancesByPolicyRequest$, ListTrafficPolicyInstancesByPolicyResponse$, ListTrafficPolicyInstancesCommand, ListTrafficPolicyInstancesRequest$, ListTrafficPolicyInstancesResponse$, ListTrafficPolicyVersions$, ListTrafficPolicyVersionsCommand, ListTrafficPolicyVersionsRequest$, ListTrafficPolicyVersionsResponse$, ListVPCAssociationAuthorizations$, ListVPCAssociationAuthorizationsCommand, ListVPCAssociationAuthorizationsRequest$, ListVPCAssociationAuthorizationsResponse$, LocationSummary$, NoSuchChange, NoSuchChange$, NoSuchCidrCollectionException, NoSuchCidrCollectionException$, NoSuchCidrLocationException, NoSuchCidrLocationException$, NoSuchCloudWatchLogsLogGroup, NoSuchCloudWatchLogsLogGroup$, NoSuchDelegationSet, NoSuchDelegationSet$, NoSuchGeoLocation, NoSuchGeoLocation$, NoSuchHealthCheck, NoSuchHealthCheck$, NoSuchHostedZone, NoSuchHostedZone$, NoSuchKeySigningKey, NoSuchKeySigningKey$, NoSuchQueryLoggingConfig, NoSuchQueryLoggingConfig$, NoSuchTrafficPolicy, NoSuchTrafficPolicy$, NoSuchTrafficPolicyInstance, NoSuchTrafficPolicyInstance$, NotAuthorizedException, NotAuthorizedException$, PriorRequestNotComplete, PriorRequestNotComplete$, ProtectionAlreadyExists, ProtectionAlreadyExists$, ProtectionError$, PublicZoneVPCAssociation, PublicZoneVPCAssociation$, QueryLoggingConfig$, QueryLoggingConfigAlreadyExists, QueryLoggingConfigAlreadyExists$, RRType, ResettableElementName, ResourceRecord$, ResourceRecordSet$, ResourceRecordSetFailover, ResourceRecordSetProtection$, ResourceRecordSetProtectionConfig$, ResourceRecordSetProtectionKey$, ResourceRecordSetRegion, ResourceTagSet$, ReusableDelegationSetLimit$, ReusableDelegationSetLimitType, Route53, Route53ServiceException, Route53ServiceException$, Statistic, StatusReport$, Tag$, TagResourceType, TestDNSAnswer$, TestDNSAnswerCommand, TestDNSAnswerRequest$, TestDNSAnswerResponse$, ThrottlingException, ThrottlingException$, TooManyHealthChecks, TooManyHealthChecks$, TooManyHostedZones, TooManyHostedZones$, TooManyKeySigningKeys, TooManyKeySigningKeys$, TooManyTrafficPolicies, TooManyTrafficPolicies$, TooManyTrafficPolicyInstances, TooManyTrafficPolicyInstances$, TooManyTrafficPolicyVersionsForCurrentPolicy, TooManyTrafficPolicyVersionsForCurrentPolicy$, TooManyVPCAssociationAuthorizations, TooManyVPCAssociationAuthorizations$, TrafficPolicy$, TrafficPolicyAlreadyExists, TrafficPolicyAlreadyExists$, TrafficPolicyInUse, TrafficPolicyInUse$, TrafficPolicyInstance$, TrafficPolicyInstanceAlreadyExists, TrafficPolicyInstanceAlreadyExists$, TrafficPolicySummary$, UpdateHealthCheck$, UpdateHealthCheckCommand, UpdateHealthCheckRequest$, UpdateHealthCheckResponse$, UpdateHostedZoneComment$, UpdateHostedZoneCommentCommand, UpdateHostedZoneCommentRequest$, UpdateHostedZoneCommentResponse$, UpdateHostedZoneFeatures$, UpdateHostedZoneFeaturesCommand, UpdateHostedZoneFeaturesRequest$, UpdateHostedZoneFeaturesResponse$, UpdateTrafficPolicyComment$, UpdateTrafficPolicyCommentCommand, UpdateTrafficPolicyCommentRequest$, UpdateTrafficPolicyCommentResponse$, UpdateTrafficPolicyInstance$, UpdateTrafficPolicyInstanceCommand, UpdateTrafficPolicyInstanceRequest$, UpdateTrafficPolicyInstanceResponse$, VPC$, VPCAssociationAuthorizationNotFound, VPCAssociationAuthorizationNotFound$, VPCAssociationNotFound, VPCAssociationNotFound$, VPCRegion, __Client, errorTypeRegistries, paginateListCidrBlocks, paginateListCidrCollections, paginateListCidrLocations, paginateListHealthChecks, paginateListHostedZones, paginateListQueryLoggingConfigs, paginateListResourceRecordSetProtections, waitForResourceRecordSetsChanged, waitUntilResourceRecordSetsChanged

// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/client/index.js
var client = __webpack_require__(5152);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/index.js
var dist_cjs = __webpack_require__(402);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/client/index.js
var submodules_client = __webpack_require__(2658);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/config/index.js
var submodules_config = __webpack_require__(7291);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/endpoints/index.js
var endpoints = __webpack_require__(2085);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/protocols/index.js
var protocols = __webpack_require__(3422);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(3609);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/schema/index.js
var schema = __webpack_require__(6890);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/httpAuthSchemes/index.js
var httpAuthSchemes = __webpack_require__(7523);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/auth/httpAuthSchemeProvider.js


const defaultRoute53HttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: (0,submodules_client.getSmithyContext)(context).operation,
        region: await (0,submodules_client.normalizeProvider)(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "route53",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultRoute53HttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = (0,httpAuthSchemes.resolveAwsSdkSigV4Config)(config);
    return Object.assign(config_0, {
        authSchemePreference: (0,submodules_client.normalizeProvider)(config.authSchemePreference ?? []),
    });
};

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/endpoint/EndpointParameters.js
var EndpointParameters = __webpack_require__(1730);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/package.json
const package_namespaceObject = {"rE":"3.1169.0"};
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-es/defaultProvider.js + 2 modules
var defaultProvider = __webpack_require__(9882);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/serde/index.js
var serde = __webpack_require__(2430);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-es/node-http-handler.js + 5 modules
var node_http_handler = __webpack_require__(3291);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/protocols/index.js
var submodules_protocols = __webpack_require__(7288);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/checksum/index.js
var checksum = __webpack_require__(9542);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/endpoint/bdd.js

const s = "ref", t = "authSchemes", u = "name", v = "signingRegion";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "stringEquals", g = "getAttr", h = "sigv4", i = { [s]: "Endpoint" }, j = { "fn": g, "argv": [{ [s]: d }, "name"] }, k = { [s]: d }, l = { [t]: [{ [u]: h, [v]: "us-east-1" }] }, m = { [t]: [{ [u]: h, [v]: "cn-northwest-1" }] }, n = { [t]: [{ [u]: h, [v]: "us-gov-west-1" }] }, o = { [t]: [{ [u]: h, [v]: "eusc-de-east-1" }] }, p = { [t]: [{ [u]: h, [v]: "{PartitionResult#implicitGlobalRegion}" }] }, q = [{ [s]: "Region" }];
const _data = {
    conditions: [
        [c, [i]],
        [c, q],
        ["aws.partition", q, d],
        [e, [{ [s]: "UseFIPS" }, b]],
        [f, [j, "aws"]],
        [f, [j, "aws-cn"]],
        [f, [j, "aws-us-gov"]],
        [e, [{ [s]: "UseDualStack" }, b]],
        [e, [{ fn: g, argv: [k, "supportsFIPS"] }, b]],
        [f, [j, "aws-iso"]],
        [f, [j, "aws-iso-b"]],
        [f, [j, "aws-iso-e"]],
        [f, [j, "aws-iso-f"]],
        [f, [j, "aws-eusc"]],
        [e, [{ fn: g, argv: [k, "supportsDualStack"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [i, {}],
        ["https://route53.amazonaws.com", l],
        ["https://route53-fips.amazonaws.com", l],
        ["https://route53.global.api.aws", l],
        ["https://route53-fips.global.api.aws", l],
        ["https://route53.amazonaws.com.cn", m],
        ["https://route53.global.api.amazonwebservices.com.cn", m],
        ["https://route53.us-gov.amazonaws.com", n],
        ["https://route53.us-gov.api.aws", n],
        ["https://route53.c2s.ic.gov", { [t]: [{ [u]: h, [v]: "us-iso-east-1" }] }],
        ["https://route53.sc2s.sgov.gov", { [t]: [{ [u]: h, [v]: "us-isob-east-1" }] }],
        ["https://route53.cloud.adc-e.uk", { [t]: [{ [u]: h, [v]: "eu-isoe-west-1" }] }],
        ["https://route53.csp.hci.ic.gov", { [t]: [{ [u]: h, [v]: "us-isof-south-1" }] }],
        ["https://route53.amazonaws.eu", o],
        ["https://route53.global.api.amazonwebservices.eu", o],
        ["https://route53-fips.{PartitionResult#dualStackDnsSuffix}", p],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://route53-fips.{PartitionResult#dnsSuffix}", p],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://route53.{PartitionResult#dualStackDnsSuffix}", p],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://route53.{PartitionResult#dnsSuffix}", p],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 27, 3,
    1, 4, r + 25,
    2, 5, r + 25,
    3, 19, 6,
    4, 18, 7,
    5, 17, 8,
    6, 25, 9,
    7, 15, 10,
    9, r + 12, 11,
    10, r + 13, 12,
    11, r + 14, 13,
    12, r + 15, 14,
    13, r + 16, r + 24,
    13, r + 17, 16,
    14, r + 22, r + 23,
    7, r + 9, r + 8,
    7, r + 6, r + 4,
    4, 26, 20,
    6, 25, 21,
    7, 23, 22,
    8, r + 20, r + 21,
    8, 24, r + 19,
    14, r + 18, r + 19,
    7, r + 11, r + 10,
    7, r + 7, r + 5,
    3, r + 1, 28,
    7, r + 2, r + 3,
]);
const bdd = endpoints.BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/endpoint/endpointResolver.js



const cache = new endpoints.EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => (0,endpoints.decideEndpoint)(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
endpoints.customEndpointFunctions.aws = client.awsEndpointFunctions;

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(8308);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/runtimeConfig.shared.js









const getRuntimeConfig = (config) => {
    return {
        apiVersion: "2013-04-01",
        base64Decoder: config?.base64Decoder ?? serde.fromBase64,
        base64Encoder: config?.base64Encoder ?? serde.toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultRoute53HttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new httpAuthSchemes.AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new submodules_client.NoOpLogger(),
        protocol: config?.protocol ?? submodules_protocols.AwsRestXmlProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.route53",
            errorTypeRegistries: schemas_0/* errorTypeRegistries */.q1U,
            xmlNamespace: "https://route53.amazonaws.com/doc/2013-04-01/",
            version: "2013-04-01",
            serviceTarget: "AWSDnsV20130401",
        },
        serviceId: config?.serviceId ?? "Route 53",
        sha256: config?.sha256 ?? checksum.Sha256,
        urlParser: config?.urlParser ?? protocols.parseUrl,
        utf8Decoder: config?.utf8Decoder ?? serde.fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? serde.toUtf8,
    };
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/runtimeConfig.js










const runtimeConfig_getRuntimeConfig = (config) => {
    (0,submodules_client.emitWarningIfUnsupportedVersion)(process.version);
    const defaultsMode = (0,submodules_config.resolveDefaultsModeConfig)(config);
    const defaultConfigProvider = () => defaultsMode().then(submodules_client.loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig(config);
    (0,client.emitWarningIfUnsupportedVersion)(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? (0,submodules_config.loadConfig)(httpAuthSchemes.NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? serde.calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider/* defaultProvider */.v6,
        defaultSocketTimeout: (0,client.getDefaultSocketTimeout)(config?.requestHandler, 300_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? (0,client.createDefaultUserAgentProvider)({ serviceId: clientSharedValues.serviceId, clientVersion: package_namespaceObject.rE }),
        maxAttempts: config?.maxAttempts ?? (0,submodules_config.loadConfig)(retry.NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? (0,submodules_config.loadConfig)(submodules_config.NODE_REGION_CONFIG_OPTIONS, { ...submodules_config.NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: node_http_handler/* NodeHttpHandler */.$.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            (0,submodules_config.loadConfig)({
                ...retry.NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || retry.DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? serde.streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? (0,submodules_config.loadConfig)(submodules_config.NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? (0,submodules_config.loadConfig)(submodules_config.NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? (0,submodules_config.loadConfig)(client.NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/auth/httpAuthExtensionConfiguration.js
const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/runtimeExtensions.js




const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign((0,client.getAwsRegionExtensionConfiguration)(runtimeConfig), (0,submodules_client.getDefaultExtensionConfiguration)(runtimeConfig), (0,protocols.getHttpHandlerExtensionConfiguration)(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, (0,client.resolveAwsRegionExtensionConfiguration)(extensionConfiguration), (0,submodules_client.resolveDefaultRuntimeConfig)(extensionConfiguration), (0,protocols.resolveHttpHandlerRuntimeConfig)(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/Route53Client.js













class Route53Client extends submodules_client.Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = runtimeConfig_getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = (0,EndpointParameters/* resolveClientEndpointParameters */.v)(_config_0);
        const _config_2 = (0,client.resolveUserAgentConfig)(_config_1);
        const _config_3 = (0,retry.resolveRetryConfig)(_config_2);
        const _config_4 = (0,submodules_config.resolveRegionConfig)(_config_3);
        const _config_5 = (0,client.resolveHostHeaderConfig)(_config_4);
        const _config_6 = (0,endpoints.resolveEndpointConfig)(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use((0,schema.getSchemaSerdePlugin)(this.config));
        this.middlewareStack.use((0,client.getUserAgentPlugin)(this.config));
        this.middlewareStack.use((0,retry.getRetryPlugin)(this.config));
        this.middlewareStack.use((0,protocols.getContentLengthPlugin)(this.config));
        this.middlewareStack.use((0,client.getHostHeaderPlugin)(this.config));
        this.middlewareStack.use((0,client.getLoggerPlugin)(this.config));
        this.middlewareStack.use((0,client.getRecursionDetectionPlugin)(this.config));
        this.middlewareStack.use((0,dist_cjs.getHttpAuthSchemeEndpointRuleSetPlugin)(this.config, {
            httpAuthSchemeParametersProvider: defaultRoute53HttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new dist_cjs.DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use((0,dist_cjs.getHttpSigningPlugin)(this.config));
    }
    destroy() {
        super.destroy();
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/index.js













/***/ })

};
