export const id = 830;
export const ids = [830];
export const modules = {

/***/ 6830:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  artifactKey: () => (/* binding */ artifactKey),
  ensureStagingBucket: () => (/* binding */ ensureStagingBucket),
  presignArtifact: () => (/* binding */ presignArtifact),
  stageArtifact: () => (/* binding */ stageArtifact),
  stagingBucketName: () => (/* binding */ stagingBucketName)
});

// UNUSED EXPORTS: ARTIFACT_EXPIRY_DAYS, ARTIFACT_PREFIX, LIFECYCLE_RULE_ID, PRESIGN_MAX_SECONDS, STAGING_COMPONENT, STAGING_CONFIG_VERSION, UPLOAD_PART_BYTES, stagingBucketTags

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(3611);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(5120);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/HeadBucketCommand.js


class HeadBucketCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep5 */.s_, commandBuilder/* _mw0 */.yt, "HeadBucket", schemas_0/* HeadBucket$ */.NDZ) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/GetBucketTaggingCommand.js


class GetBucketTaggingCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep3 */.Gi, commandBuilder/* _mw0 */.yt, "GetBucketTagging", schemas_0/* GetBucketTagging$ */.E3U) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/CreateBucketCommand.js


class CreateBucketCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep2 */.zG, commandBuilder/* _mw2 */.yO, "CreateBucket", schemas_0/* CreateBucket$ */.lKK) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/PutBucketLifecycleConfigurationCommand.js


class PutBucketLifecycleConfigurationCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep3 */.Gi, commandBuilder/* _mw5 */.rX, "PutBucketLifecycleConfiguration", schemas_0/* PutBucketLifecycleConfiguration$ */.Q4n) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/PutBucketTaggingCommand.js


class PutBucketTaggingCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep3 */.Gi, commandBuilder/* _mw3 */.r, "PutBucketTagging", schemas_0/* PutBucketTagging$ */.$Nq) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/PutPublicAccessBlockCommand.js


class PutPublicAccessBlockCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep3 */.Gi, commandBuilder/* _mw3 */.r, "PutPublicAccessBlock", schemas_0/* PutPublicAccessBlock$ */.c2b) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/PutBucketEncryptionCommand.js


class PutBucketEncryptionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep3 */.Gi, commandBuilder/* _mw3 */.r, "PutBucketEncryption", schemas_0/* PutBucketEncryption$ */.$8t) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/HeadObjectCommand.js


class HeadObjectCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw8 */.y3, "HeadObject", schemas_0/* HeadObject$ */.QdX) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/GetObjectCommand.js


class GetObjectCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw7 */.Fb, "GetObject", schemas_0/* GetObject$ */.iKp) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/PutObjectCommand.js


class PutObjectCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw11 */.yC, "PutObject", schemas_0/* PutObject$ */.lHz) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/models/enums.js
const BucketAbacStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const RequestCharged = {
    requester: "requester",
};
const RequestPayer = {
    requester: "requester",
};
const BucketAccelerateStatus = {
    Enabled: "Enabled",
    Suspended: "Suspended",
};
const Type = {
    AmazonCustomerByEmail: "AmazonCustomerByEmail",
    CanonicalUser: "CanonicalUser",
    Group: "Group",
};
const Permission = {
    FULL_CONTROL: "FULL_CONTROL",
    READ: "READ",
    READ_ACP: "READ_ACP",
    WRITE: "WRITE",
    WRITE_ACP: "WRITE_ACP",
};
const OwnerOverride = {
    Destination: "Destination",
};
const ChecksumType = {
    COMPOSITE: "COMPOSITE",
    FULL_OBJECT: "FULL_OBJECT",
};
const ServerSideEncryption = {
    AES256: "AES256",
    aws_backup: "aws:backup",
    aws_fsx: "aws:fsx",
    aws_kms: "aws:kms",
    aws_kms_dsse: "aws:kms:dsse",
};
const ObjectCannedACL = {
    authenticated_read: "authenticated-read",
    aws_exec_read: "aws-exec-read",
    bucket_owner_full_control: "bucket-owner-full-control",
    bucket_owner_read: "bucket-owner-read",
    private: "private",
    public_read: "public-read",
    public_read_write: "public-read-write",
};
const AnnotationDirective = {
    COPY: "COPY",
    EXCLUDE: "EXCLUDE",
};
const ChecksumAlgorithm = {
    CRC32: "CRC32",
    CRC32C: "CRC32C",
    CRC64NVME: "CRC64NVME",
    MD5: "MD5",
    SHA1: "SHA1",
    SHA256: "SHA256",
    SHA512: "SHA512",
    XXHASH128: "XXHASH128",
    XXHASH3: "XXHASH3",
    XXHASH64: "XXHASH64",
};
const MetadataDirective = {
    COPY: "COPY",
    REPLACE: "REPLACE",
};
const ObjectLockEventHold = {
    OFF: "OFF",
    ON: "ON",
};
const ObjectLockLegalHoldStatus = {
    OFF: "OFF",
    ON: "ON",
};
const ObjectLockMode = {
    COMPLIANCE: "COMPLIANCE",
    GOVERNANCE: "GOVERNANCE",
};
const StorageClass = {
    AWS_BACKUP_LOW_COST_WARM: "AWS_BACKUP_LOW_COST_WARM",
    AWS_BACKUP_WARM: "AWS_BACKUP_WARM",
    DEEP_ARCHIVE: "DEEP_ARCHIVE",
    EXPRESS_ONEZONE: "EXPRESS_ONEZONE",
    FSX_ONTAP: "FSX_ONTAP",
    FSX_OPENZFS: "FSX_OPENZFS",
    GLACIER: "GLACIER",
    GLACIER_IR: "GLACIER_IR",
    INTELLIGENT_TIERING: "INTELLIGENT_TIERING",
    ONEZONE_IA: "ONEZONE_IA",
    OUTPOSTS: "OUTPOSTS",
    REDUCED_REDUNDANCY: "REDUCED_REDUNDANCY",
    SNOW: "SNOW",
    STANDARD: "STANDARD",
    STANDARD_IA: "STANDARD_IA",
};
const TaggingDirective = {
    COPY: "COPY",
    REPLACE: "REPLACE",
};
const BucketCannedACL = {
    authenticated_read: "authenticated-read",
    private: "private",
    public_read: "public-read",
    public_read_write: "public-read-write",
};
const BucketNamespace = {
    ACCOUNT_REGIONAL: "account-regional",
    GLOBAL: "global",
};
const DataRedundancy = {
    SingleAvailabilityZone: "SingleAvailabilityZone",
    SingleLocalZone: "SingleLocalZone",
};
const BucketType = {
    Directory: "Directory",
};
const LocationType = {
    AvailabilityZone: "AvailabilityZone",
    LocalZone: "LocalZone",
};
const BucketLocationConstraint = {
    EU: "EU",
    af_south_1: "af-south-1",
    ap_east_1: "ap-east-1",
    ap_east_2: "ap-east-2",
    ap_northeast_1: "ap-northeast-1",
    ap_northeast_2: "ap-northeast-2",
    ap_northeast_3: "ap-northeast-3",
    ap_south_1: "ap-south-1",
    ap_south_2: "ap-south-2",
    ap_southeast_1: "ap-southeast-1",
    ap_southeast_2: "ap-southeast-2",
    ap_southeast_3: "ap-southeast-3",
    ap_southeast_4: "ap-southeast-4",
    ap_southeast_5: "ap-southeast-5",
    ap_southeast_6: "ap-southeast-6",
    ap_southeast_7: "ap-southeast-7",
    ca_central_1: "ca-central-1",
    ca_west_1: "ca-west-1",
    cn_north_1: "cn-north-1",
    cn_northwest_1: "cn-northwest-1",
    eu_central_1: "eu-central-1",
    eu_central_2: "eu-central-2",
    eu_north_1: "eu-north-1",
    eu_south_1: "eu-south-1",
    eu_south_2: "eu-south-2",
    eu_west_1: "eu-west-1",
    eu_west_2: "eu-west-2",
    eu_west_3: "eu-west-3",
    il_central_1: "il-central-1",
    me_central_1: "me-central-1",
    me_south_1: "me-south-1",
    mx_central_1: "mx-central-1",
    sa_east_1: "sa-east-1",
    us_east_2: "us-east-2",
    us_gov_east_1: "us-gov-east-1",
    us_gov_west_1: "us-gov-west-1",
    us_west_1: "us-west-1",
    us_west_2: "us-west-2",
};
const ObjectOwnership = {
    BucketOwnerEnforced: "BucketOwnerEnforced",
    BucketOwnerPreferred: "BucketOwnerPreferred",
    ObjectWriter: "ObjectWriter",
};
const AnnotationConfigurationState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const TableSseAlgorithm = {
    AES256: "AES256",
    aws_kms: "aws:kms",
};
const InventoryConfigurationState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const ExpirationState = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const SessionMode = {
    ReadOnly: "ReadOnly",
    ReadWrite: "ReadWrite",
};
const AnalyticsS3ExportFileFormat = {
    CSV: "CSV",
};
const StorageClassAnalysisSchemaVersion = {
    V_1: "V_1",
};
const EncryptionType = {
    NONE: "NONE",
    SSE_C: "SSE-C",
};
const IntelligentTieringStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const IntelligentTieringAccessTier = {
    ARCHIVE_ACCESS: "ARCHIVE_ACCESS",
    DEEP_ARCHIVE_ACCESS: "DEEP_ARCHIVE_ACCESS",
};
const InventoryFormat = {
    CSV: "CSV",
    ORC: "ORC",
    Parquet: "Parquet",
};
const InventoryIncludedObjectVersions = {
    All: "All",
    Current: "Current",
};
const InventoryOptionalField = {
    BucketKeyStatus: "BucketKeyStatus",
    ChecksumAlgorithm: "ChecksumAlgorithm",
    ETag: "ETag",
    EncryptionStatus: "EncryptionStatus",
    IntelligentTieringAccessTier: "IntelligentTieringAccessTier",
    IntelligentTieringReferenceDate: "IntelligentTieringReferenceDate",
    IsMultipartUploaded: "IsMultipartUploaded",
    LastModifiedDate: "LastModifiedDate",
    LifecycleExpirationDate: "LifecycleExpirationDate",
    ObjectAccessControlList: "ObjectAccessControlList",
    ObjectLockEventHoldDuration: "ObjectLockEventHoldDuration",
    ObjectLockEventHoldStatus: "ObjectLockEventHoldStatus",
    ObjectLockLegalHoldStatus: "ObjectLockLegalHoldStatus",
    ObjectLockMode: "ObjectLockMode",
    ObjectLockRetainUntilDate: "ObjectLockRetainUntilDate",
    ObjectOwner: "ObjectOwner",
    ReplicationStatus: "ReplicationStatus",
    Size: "Size",
    StorageClass: "StorageClass",
};
const InventoryFrequency = {
    Daily: "Daily",
    Weekly: "Weekly",
};
const TransitionStorageClass = {
    DEEP_ARCHIVE: "DEEP_ARCHIVE",
    GLACIER: "GLACIER",
    GLACIER_IR: "GLACIER_IR",
    INTELLIGENT_TIERING: "INTELLIGENT_TIERING",
    ONEZONE_IA: "ONEZONE_IA",
    STANDARD_IA: "STANDARD_IA",
};
const ExpirationStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const TransitionDefaultMinimumObjectSize = {
    all_storage_classes_128K: "all_storage_classes_128K",
    varies_by_storage_class: "varies_by_storage_class",
};
const BucketLogsPermission = {
    FULL_CONTROL: "FULL_CONTROL",
    READ: "READ",
    WRITE: "WRITE",
};
const PartitionDateSource = {
    DeliveryTime: "DeliveryTime",
    EventTime: "EventTime",
};
const S3TablesBucketType = {
    aws: "aws",
    customer: "customer",
};
const Event = {
    s3_IntelligentTiering: "s3:IntelligentTiering",
    s3_LifecycleExpiration_: "s3:LifecycleExpiration:*",
    s3_LifecycleExpiration_Delete: "s3:LifecycleExpiration:Delete",
    s3_LifecycleExpiration_DeleteMarkerCreated: "s3:LifecycleExpiration:DeleteMarkerCreated",
    s3_LifecycleTransition: "s3:LifecycleTransition",
    s3_ObjectAcl_Put: "s3:ObjectAcl:Put",
    s3_ObjectAnnotation_: "s3:ObjectAnnotation:*",
    s3_ObjectAnnotation_Delete: "s3:ObjectAnnotation:Delete",
    s3_ObjectAnnotation_Put: "s3:ObjectAnnotation:Put",
    s3_ObjectCreated_: "s3:ObjectCreated:*",
    s3_ObjectCreated_CompleteMultipartUpload: "s3:ObjectCreated:CompleteMultipartUpload",
    s3_ObjectCreated_Copy: "s3:ObjectCreated:Copy",
    s3_ObjectCreated_Post: "s3:ObjectCreated:Post",
    s3_ObjectCreated_Put: "s3:ObjectCreated:Put",
    s3_ObjectRemoved_: "s3:ObjectRemoved:*",
    s3_ObjectRemoved_Delete: "s3:ObjectRemoved:Delete",
    s3_ObjectRemoved_DeleteMarkerCreated: "s3:ObjectRemoved:DeleteMarkerCreated",
    s3_ObjectRestore_: "s3:ObjectRestore:*",
    s3_ObjectRestore_Completed: "s3:ObjectRestore:Completed",
    s3_ObjectRestore_Delete: "s3:ObjectRestore:Delete",
    s3_ObjectRestore_Post: "s3:ObjectRestore:Post",
    s3_ObjectRetention_Put: "s3:ObjectRetention:Put",
    s3_ObjectTagging_: "s3:ObjectTagging:*",
    s3_ObjectTagging_Delete: "s3:ObjectTagging:Delete",
    s3_ObjectTagging_Put: "s3:ObjectTagging:Put",
    s3_ReducedRedundancyLostObject: "s3:ReducedRedundancyLostObject",
    s3_Replication_: "s3:Replication:*",
    s3_Replication_OperationFailedReplication: "s3:Replication:OperationFailedReplication",
    s3_Replication_OperationMissedThreshold: "s3:Replication:OperationMissedThreshold",
    s3_Replication_OperationNotTracked: "s3:Replication:OperationNotTracked",
    s3_Replication_OperationReplicatedAfterThreshold: "s3:Replication:OperationReplicatedAfterThreshold",
};
const FilterRuleName = {
    prefix: "prefix",
    suffix: "suffix",
};
const DeleteMarkerReplicationStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const MetricsStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const ReplicationTimeStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const ExistingObjectReplicationStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const ReplicaModificationsStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const SseKmsEncryptedObjectsStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const ReplicationRuleStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const Payer = {
    BucketOwner: "BucketOwner",
    Requester: "Requester",
};
const MFADeleteStatus = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const BucketVersioningStatus = {
    Enabled: "Enabled",
    Suspended: "Suspended",
};
const Protocol = {
    http: "http",
    https: "https",
};
const ReplicationStatus = {
    COMPLETE: "COMPLETE",
    COMPLETED: "COMPLETED",
    FAILED: "FAILED",
    PENDING: "PENDING",
    REPLICA: "REPLICA",
};
const ChecksumMode = {
    ENABLED: "ENABLED",
};
const ObjectAttributes = {
    CHECKSUM: "Checksum",
    ETAG: "ETag",
    OBJECT_PARTS: "ObjectParts",
    OBJECT_SIZE: "ObjectSize",
    STORAGE_CLASS: "StorageClass",
};
const ObjectLockEnabled = {
    Enabled: "Enabled",
};
const ObjectLockRetentionMode = {
    COMPLIANCE: "COMPLIANCE",
    GOVERNANCE: "GOVERNANCE",
};
const ArchiveStatus = {
    ARCHIVE_ACCESS: "ARCHIVE_ACCESS",
    DEEP_ARCHIVE_ACCESS: "DEEP_ARCHIVE_ACCESS",
};
const EncodingType = {
    url: "url",
};
const ObjectStorageClass = {
    AWS_BACKUP_LOW_COST_WARM: "AWS_BACKUP_LOW_COST_WARM",
    AWS_BACKUP_WARM: "AWS_BACKUP_WARM",
    DEEP_ARCHIVE: "DEEP_ARCHIVE",
    EXPRESS_ONEZONE: "EXPRESS_ONEZONE",
    FSX_ONTAP: "FSX_ONTAP",
    FSX_OPENZFS: "FSX_OPENZFS",
    GLACIER: "GLACIER",
    GLACIER_IR: "GLACIER_IR",
    INTELLIGENT_TIERING: "INTELLIGENT_TIERING",
    ONEZONE_IA: "ONEZONE_IA",
    OUTPOSTS: "OUTPOSTS",
    REDUCED_REDUNDANCY: "REDUCED_REDUNDANCY",
    SNOW: "SNOW",
    STANDARD: "STANDARD",
    STANDARD_IA: "STANDARD_IA",
};
const OptionalObjectAttributes = {
    RESTORE_STATUS: "RestoreStatus",
};
const ObjectVersionStorageClass = {
    STANDARD: "STANDARD",
};
const MFADelete = {
    Disabled: "Disabled",
    Enabled: "Enabled",
};
const Tier = {
    Bulk: "Bulk",
    Expedited: "Expedited",
    Standard: "Standard",
};
const ExpressionType = {
    SQL: "SQL",
};
const CompressionType = {
    BZIP2: "BZIP2",
    GZIP: "GZIP",
    NONE: "NONE",
};
const FileHeaderInfo = {
    IGNORE: "IGNORE",
    NONE: "NONE",
    USE: "USE",
};
const JSONType = {
    DOCUMENT: "DOCUMENT",
    LINES: "LINES",
};
const QuoteFields = {
    ALWAYS: "ALWAYS",
    ASNEEDED: "ASNEEDED",
};
const RestoreRequestType = {
    SELECT: "SELECT",
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/CreateMultipartUploadCommand.js


class CreateMultipartUploadCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw1 */.Fw, "CreateMultipartUpload", schemas_0/* CreateMultipartUpload$ */.uP1) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/AbortMultipartUploadCommand.js


class AbortMultipartUploadCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "AbortMultipartUpload", schemas_0/* AbortMultipartUpload$ */.QU_) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/UploadPartCommand.js


class UploadPartCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw13 */.OV, "UploadPart", schemas_0/* UploadPart$ */.nCU) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/CompleteMultipartUploadCommand.js


class CompleteMultipartUploadCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw1 */.Fw, "CompleteMultipartUpload", schemas_0/* CompleteMultipartUpload$ */.p4g) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/PutObjectTaggingCommand.js


class PutObjectTaggingCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep5 */.s_, commandBuilder/* _mw5 */.rX, "PutObjectTagging", schemas_0/* PutObjectTagging$ */.C2v) {
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/endpoints/index.js
var endpoints = __webpack_require__(2085);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/protocols/index.js
var protocols = __webpack_require__(3422);
// EXTERNAL MODULE: external "events"
var external_events_ = __webpack_require__(4434);
// EXTERNAL MODULE: external "buffer"
var external_buffer_ = __webpack_require__(181);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/runtimeConfig.shared.js
const runtimeConfigShared = {
    statSync: () => { },
    isFileReadStream(f) {
        return false;
    },
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/runtimeConfig.js


const runtimeConfig = {
    ...runtimeConfigShared,
    runtime: "node",
    statSync: external_node_fs_.statSync,
    isFileReadStream(f) {
        return f instanceof external_node_fs_.ReadStream;
    },
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/byteLength.js


const byteLength = (input) => {
    if (input == null) {
        return 0;
    }
    if (typeof input === "string") {
        return external_buffer_.Buffer.byteLength(input);
    }
    if (typeof input.byteLength === "number") {
        return input.byteLength;
    }
    else if (typeof input.length === "number") {
        return input.length;
    }
    else if (typeof input.size === "number") {
        return input.size;
    }
    else if (typeof input.start === "number" && typeof input.end === "number") {
        return input.end + 1 - input.start;
    }
    else if (runtimeConfig.isFileReadStream(input)) {
        try {
            return runtimeConfig.statSync(input.path).size;
        }
        catch (error) {
            return undefined;
        }
    }
    return undefined;
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/byteLengthSource.js

var BYTE_LENGTH_SOURCE;
(function (BYTE_LENGTH_SOURCE) {
    BYTE_LENGTH_SOURCE["EMPTY_INPUT"] = "a null or undefined Body";
    BYTE_LENGTH_SOURCE["CONTENT_LENGTH"] = "the ContentLength property of the params set by the caller";
    BYTE_LENGTH_SOURCE["STRING_LENGTH"] = "the encoded byte length of the Body string";
    BYTE_LENGTH_SOURCE["TYPED_ARRAY"] = "the byteLength of a typed byte array such as Uint8Array";
    BYTE_LENGTH_SOURCE["LENGTH"] = "the value of Body.length";
    BYTE_LENGTH_SOURCE["SIZE"] = "the value of Body.size";
    BYTE_LENGTH_SOURCE["START_END_DIFF"] = "the numeric difference between Body.start and Body.end";
    BYTE_LENGTH_SOURCE["STAT"] = "the size of the file given by Body.path on disk as reported by statSync";
})(BYTE_LENGTH_SOURCE || (BYTE_LENGTH_SOURCE = {}));
const byteLengthSource = (input, override) => {
    if (override != null) {
        return BYTE_LENGTH_SOURCE.CONTENT_LENGTH;
    }
    if (input == null) {
        return BYTE_LENGTH_SOURCE.EMPTY_INPUT;
    }
    if (typeof input === "string") {
        return BYTE_LENGTH_SOURCE.STRING_LENGTH;
    }
    if (typeof input.byteLength === "number") {
        return BYTE_LENGTH_SOURCE.TYPED_ARRAY;
    }
    else if (typeof input.length === "number") {
        return BYTE_LENGTH_SOURCE.LENGTH;
    }
    else if (typeof input.size === "number") {
        return BYTE_LENGTH_SOURCE.SIZE;
    }
    else if (typeof input.start === "number" && typeof input.end === "number") {
        return BYTE_LENGTH_SOURCE.START_END_DIFF;
    }
    else if (runtimeConfig.isFileReadStream(input)) {
        try {
            runtimeConfig.statSync(input.path).size;
            return BYTE_LENGTH_SOURCE.STAT;
        }
        catch (error) {
            return undefined;
        }
    }
    return undefined;
};

// EXTERNAL MODULE: external "stream"
var external_stream_ = __webpack_require__(2203);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/chunks/getChunkStream.js

async function* getChunkStream(data, partSize, getNextData) {
    let partNumber = 1;
    const currentBuffer = { chunks: [], length: 0 };
    for await (const datum of getNextData(data)) {
        currentBuffer.chunks.push(datum);
        currentBuffer.length += datum.byteLength;
        while (currentBuffer.length > partSize) {
            const dataChunk = currentBuffer.chunks.length > 1 ? external_buffer_.Buffer.concat(currentBuffer.chunks) : currentBuffer.chunks[0];
            yield {
                partNumber,
                data: dataChunk.subarray(0, partSize),
            };
            currentBuffer.chunks = [dataChunk.subarray(partSize)];
            currentBuffer.length = currentBuffer.chunks[0].byteLength;
            partNumber += 1;
        }
    }
    yield {
        partNumber,
        data: currentBuffer.chunks.length !== 1 ? external_buffer_.Buffer.concat(currentBuffer.chunks) : currentBuffer.chunks[0],
        lastPart: true,
    };
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/chunks/getChunkUint8Array.js
async function* getChunkUint8Array(data, partSize) {
    let partNumber = 1;
    let startByte = 0;
    let endByte = partSize;
    while (endByte < data.byteLength) {
        yield {
            partNumber,
            data: data.subarray(startByte, endByte),
        };
        partNumber += 1;
        startByte = endByte;
        endByte = startByte + partSize;
    }
    yield {
        partNumber,
        data: data.subarray(startByte),
        lastPart: true,
    };
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/chunks/getDataReadable.js

async function* getDataReadable(data) {
    for await (const chunk of data) {
        if (external_buffer_.Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) {
            yield chunk;
        }
        else {
            yield external_buffer_.Buffer.from(chunk);
        }
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/chunks/getDataReadableStream.js

async function* getDataReadableStream(data) {
    const reader = data.getReader();
    try {
        while (true) {
            const { done, value } = await reader.read();
            if (done) {
                return;
            }
            if (external_buffer_.Buffer.isBuffer(value) || value instanceof Uint8Array) {
                yield value;
            }
            else {
                yield external_buffer_.Buffer.from(value);
            }
        }
    }
    catch (e) {
        throw e;
    }
    finally {
        reader.releaseLock();
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/chunker.js






const getChunk = (data, partSize) => {
    if (data instanceof Uint8Array) {
        return getChunkUint8Array(data, partSize);
    }
    if (data instanceof external_stream_.Readable) {
        return getChunkStream(data, partSize, getDataReadable);
    }
    if (data instanceof String || typeof data === "string") {
        return getChunkUint8Array(external_buffer_.Buffer.from(data), partSize);
    }
    if (typeof data.stream === "function") {
        return getChunkStream(data.stream(), partSize, getDataReadableStream);
    }
    if (data instanceof ReadableStream) {
        return getChunkStream(data, partSize, getDataReadableStream);
    }
    throw new Error("Body Data is unsupported format, expected data to be one of: string | Uint8Array | Buffer | Readable | ReadableStream | Blob;.");
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/Upload.js







class Upload extends external_events_.EventEmitter {
    static MIN_PART_SIZE = 1024 * 1024 * 5;
    MAX_PARTS = 10_000;
    queueSize = 4;
    partSize;
    leavePartsOnError = false;
    tags = [];
    client;
    params;
    totalBytes;
    totalBytesSource;
    bytesUploadedSoFar;
    abortController;
    concurrentUploaders = [];
    createMultiPartPromise;
    abortMultipartUploadCommand = null;
    uploadedParts = [];
    uploadEnqueuedPartsCount = 0;
    expectedPartsCount;
    uploadId;
    uploadEvent;
    isMultiPart = true;
    singleUploadResult;
    sent = false;
    constructor(options) {
        super();
        this.queueSize = options.queueSize || this.queueSize;
        this.leavePartsOnError = options.leavePartsOnError || this.leavePartsOnError;
        this.tags = options.tags || this.tags;
        this.client = options.client;
        this.params = options.params;
        if (!this.params) {
            throw new Error(`InputError: Upload requires params to be passed to upload.`);
        }
        this.totalBytes = this.params.ContentLength ?? byteLength(this.params.Body);
        this.totalBytesSource = byteLengthSource(this.params.Body, this.params.ContentLength);
        this.bytesUploadedSoFar = 0;
        this.abortController = options.abortController ?? new AbortController();
        this.partSize =
            options.partSize || Math.max(Upload.MIN_PART_SIZE, Math.ceil((this.totalBytes || 0) / this.MAX_PARTS));
        if (this.totalBytes !== undefined) {
            this.expectedPartsCount = Math.ceil(this.totalBytes / this.partSize);
        }
        this.__validateInput();
    }
    async abort() {
        this.abortController.abort();
    }
    async done() {
        if (this.sent) {
            throw new Error("@aws-sdk/lib-storage: this instance of Upload has already executed .done(). Create a new instance.");
        }
        this.sent = true;
        return await Promise.race([this.__doMultipartUpload(), this.__abortTimeout(this.abortController.signal)]);
    }
    on(event, listener) {
        this.uploadEvent = event;
        return super.on(event, listener);
    }
    async __uploadUsingPut(dataPart) {
        this.isMultiPart = false;
        const params = { ...this.params, Body: dataPart.data };
        const clientConfig = this.client.config;
        const requestHandler = clientConfig.requestHandler;
        const eventEmitter = requestHandler instanceof external_events_.EventEmitter ? requestHandler : null;
        const uploadEventListener = (event) => {
            this.bytesUploadedSoFar = event.loaded;
            this.totalBytes = event.total;
            this.__notifyProgress({
                loaded: this.bytesUploadedSoFar,
                total: this.totalBytes,
                part: dataPart.partNumber,
                Key: this.params.Key,
                Bucket: this.params.Bucket,
            });
        };
        if (eventEmitter !== null) {
            eventEmitter.on("xhr.upload.progress", uploadEventListener);
        }
        const resolved = await Promise.all([this.client.send(new PutObjectCommand(params)), clientConfig?.endpoint?.()]);
        const putResult = resolved[0];
        let endpoint = resolved[1];
        if (!endpoint) {
            endpoint = (0,endpoints.toEndpointV1)(await (0,endpoints.getEndpointFromInstructions)(params, PutObjectCommand, {
                ...clientConfig,
            }));
        }
        if (!endpoint) {
            throw new Error('Could not resolve endpoint from S3 "client.config.endpoint()" nor EndpointsV2.');
        }
        if (eventEmitter !== null) {
            eventEmitter.off("xhr.upload.progress", uploadEventListener);
        }
        const locationKey = this.params
            .Key.split("/")
            .map((segment) => (0,protocols.extendedEncodeURIComponent)(segment))
            .join("/");
        const locationBucket = (0,protocols.extendedEncodeURIComponent)(this.params.Bucket);
        const Location = (() => {
            const endpointHostnameIncludesBucket = endpoint.hostname.startsWith(`${locationBucket}.`);
            const forcePathStyle = this.client.config.forcePathStyle;
            const optionalPort = endpoint.port ? `:${endpoint.port}` : ``;
            if (forcePathStyle) {
                return `${endpoint.protocol}//${endpoint.hostname}${optionalPort}/${locationBucket}/${locationKey}`;
            }
            if (endpointHostnameIncludesBucket) {
                return `${endpoint.protocol}//${endpoint.hostname}${optionalPort}/${locationKey}`;
            }
            return `${endpoint.protocol}//${locationBucket}.${endpoint.hostname}${optionalPort}/${locationKey}`;
        })();
        this.singleUploadResult = {
            ...putResult,
            Bucket: this.params.Bucket,
            Key: this.params.Key,
            Location,
        };
        const totalSize = byteLength(dataPart.data);
        this.__notifyProgress({
            loaded: totalSize,
            total: totalSize,
            part: 1,
            Key: this.params.Key,
            Bucket: this.params.Bucket,
        });
    }
    async __createMultipartUpload() {
        const requestChecksumCalculation = await this.client.config.requestChecksumCalculation();
        if (!this.createMultiPartPromise) {
            const createCommandParams = { ...this.params, Body: undefined };
            if (requestChecksumCalculation === "WHEN_SUPPORTED") {
                createCommandParams.ChecksumAlgorithm = this.params.ChecksumAlgorithm || ChecksumAlgorithm.CRC32;
            }
            this.createMultiPartPromise = this.client
                .send(new CreateMultipartUploadCommand(createCommandParams))
                .then((createMpuResponse) => {
                this.abortMultipartUploadCommand = new AbortMultipartUploadCommand({
                    Bucket: this.params.Bucket,
                    Key: this.params.Key,
                    UploadId: createMpuResponse.UploadId,
                });
                return createMpuResponse;
            });
        }
        return this.createMultiPartPromise;
    }
    async __doConcurrentUpload(dataFeeder) {
        for await (const dataPart of dataFeeder) {
            if (this.uploadEnqueuedPartsCount > this.MAX_PARTS) {
                throw new Error(`Exceeded ${this.MAX_PARTS} parts in multipart upload to Bucket: ${this.params.Bucket} Key: ${this.params.Key}.`);
            }
            if (this.abortController.signal.aborted) {
                return;
            }
            if (dataPart.partNumber === 1 && dataPart.lastPart) {
                return await this.__uploadUsingPut(dataPart);
            }
            if (!this.uploadId) {
                const { UploadId } = await this.__createMultipartUpload();
                this.uploadId = UploadId;
                if (this.abortController.signal.aborted) {
                    return;
                }
            }
            const partSize = byteLength(dataPart.data) || 0;
            const requestHandler = this.client.config.requestHandler;
            const eventEmitter = requestHandler instanceof external_events_.EventEmitter ? requestHandler : null;
            let lastSeenBytes = 0;
            const uploadEventListener = (event, request) => {
                const requestPartSize = Number(request.query["partNumber"]) || -1;
                if (requestPartSize !== dataPart.partNumber) {
                    return;
                }
                if (event.total && partSize) {
                    this.bytesUploadedSoFar += event.loaded - lastSeenBytes;
                    lastSeenBytes = event.loaded;
                }
                this.__notifyProgress({
                    loaded: this.bytesUploadedSoFar,
                    total: this.totalBytes,
                    part: dataPart.partNumber,
                    Key: this.params.Key,
                    Bucket: this.params.Bucket,
                });
            };
            if (eventEmitter !== null) {
                eventEmitter.on("xhr.upload.progress", uploadEventListener);
            }
            this.uploadEnqueuedPartsCount += 1;
            this.__validateUploadPart(dataPart);
            const partResult = await this.client.send(new UploadPartCommand({
                ...this.params,
                ContentLength: undefined,
                UploadId: this.uploadId,
                Body: dataPart.data,
                PartNumber: dataPart.partNumber,
            }));
            if (eventEmitter !== null) {
                eventEmitter.off("xhr.upload.progress", uploadEventListener);
            }
            if (this.abortController.signal.aborted) {
                return;
            }
            if (!partResult.ETag) {
                throw new Error(`Part ${dataPart.partNumber} is missing ETag in UploadPart response. Missing Bucket CORS configuration for ETag header?`);
            }
            this.uploadedParts.push({
                PartNumber: dataPart.partNumber,
                ETag: partResult.ETag,
                ...(partResult.ChecksumCRC32 && { ChecksumCRC32: partResult.ChecksumCRC32 }),
                ...(partResult.ChecksumCRC32C && { ChecksumCRC32C: partResult.ChecksumCRC32C }),
                ...(partResult.ChecksumSHA1 && { ChecksumSHA1: partResult.ChecksumSHA1 }),
                ...(partResult.ChecksumSHA256 && { ChecksumSHA256: partResult.ChecksumSHA256 }),
            });
            if (eventEmitter === null) {
                this.bytesUploadedSoFar += partSize;
            }
            this.__notifyProgress({
                loaded: this.bytesUploadedSoFar,
                total: this.totalBytes,
                part: dataPart.partNumber,
                Key: this.params.Key,
                Bucket: this.params.Bucket,
            });
        }
    }
    async __doMultipartUpload() {
        const dataFeeder = getChunk(this.params.Body, this.partSize);
        const concurrentUploaderFailures = [];
        for (let index = 0; index < this.queueSize; index++) {
            const currentUpload = this.__doConcurrentUpload(dataFeeder).catch((err) => {
                concurrentUploaderFailures.push(err);
            });
            this.concurrentUploaders.push(currentUpload);
        }
        await Promise.all(this.concurrentUploaders);
        if (concurrentUploaderFailures.length >= 1) {
            await this.markUploadAsAborted();
            throw concurrentUploaderFailures[0];
        }
        if (this.abortController.signal.aborted) {
            await this.markUploadAsAborted();
            throw Object.assign(new Error("Upload aborted."), { name: "AbortError" });
        }
        let result;
        if (this.isMultiPart) {
            const { expectedPartsCount, uploadedParts, totalBytes, totalBytesSource } = this;
            if (totalBytes !== undefined && expectedPartsCount !== undefined && uploadedParts.length !== expectedPartsCount) {
                await this.markUploadAsAborted();
                throw new Error(`Expected ${expectedPartsCount} part(s) but uploaded ${uploadedParts.length} part(s).
The expected part count is based on the byte-count of the input.params.Body,
which was read from ${totalBytesSource} and is ${totalBytes}.
If this is not correct, provide an override value by setting a number
to input.params.ContentLength in bytes.
`);
            }
            this.uploadedParts.sort((a, b) => a.PartNumber - b.PartNumber);
            const uploadCompleteParams = {
                ...this.params,
                Body: undefined,
                UploadId: this.uploadId,
                MultipartUpload: {
                    Parts: this.uploadedParts,
                },
            };
            try {
                result = await this.client.send(new CompleteMultipartUploadCommand(uploadCompleteParams));
            }
            catch (e) {
                await this.markUploadAsAborted().catch((abortError) => {
                    if (e instanceof Error && e.cause === undefined) {
                        e.cause = abortError;
                    }
                });
                throw e;
            }
            if (typeof result?.Location === "string" && result.Location.includes("%2F")) {
                result.Location = result.Location.replace(/%2F/g, "/");
            }
        }
        else {
            result = this.singleUploadResult;
        }
        this.abortMultipartUploadCommand = null;
        if (this.tags.length) {
            await this.client.send(new PutObjectTaggingCommand({
                ...this.params,
                Tagging: {
                    TagSet: this.tags,
                },
            }));
        }
        return result;
    }
    async markUploadAsAborted() {
        if (this.uploadId && !this.leavePartsOnError && null !== this.abortMultipartUploadCommand) {
            await this.client.send(this.abortMultipartUploadCommand);
            this.abortMultipartUploadCommand = null;
        }
    }
    __notifyProgress(progress) {
        if (this.uploadEvent) {
            this.emit(this.uploadEvent, progress);
        }
    }
    async __abortTimeout(abortSignal) {
        return new Promise((resolve, reject) => {
            abortSignal.onabort = () => {
                const abortError = new Error("Upload aborted.");
                abortError.name = "AbortError";
                reject(abortError);
            };
        });
    }
    __validateUploadPart(dataPart) {
        const actualPartSize = byteLength(dataPart.data);
        if (actualPartSize === undefined) {
            throw new Error(`A dataPart was generated without a measurable data chunk size for part number ${dataPart.partNumber}`);
        }
        if (dataPart.partNumber === 1 && dataPart.lastPart) {
            return;
        }
        if (!dataPart.lastPart && actualPartSize !== this.partSize) {
            throw new Error(`The byte size for part number ${dataPart.partNumber}, size ${actualPartSize} does not match expected size ${this.partSize}`);
        }
    }
    __validateInput() {
        if (!this.client) {
            throw new Error(`InputError: Upload requires a AWS client to do uploads with.`);
        }
        if (this.partSize < Upload.MIN_PART_SIZE) {
            throw new Error(`EntityTooSmall: Your proposed upload part size [${this.partSize}] is smaller than the minimum allowed size [${Upload.MIN_PART_SIZE}] (5MB)`);
        }
        if (this.queueSize < 1) {
            throw new Error(`Queue size: Must have at least one uploading queue.`);
        }
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/lib-storage/dist-es/index.js


// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/util/index.js
var util = __webpack_require__(519);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/signature-v4-multi-region/dist-es/SignatureV4MultiRegion.js
var SignatureV4MultiRegion = __webpack_require__(7296);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/s3-request-presigner/dist-es/constants.js
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const SHA256_HEADER = "X-Amz-Content-Sha256";
const ALGORITHM_QUERY_PARAM = "X-Amz-Algorithm";
const CREDENTIAL_QUERY_PARAM = "X-Amz-Credential";
const AMZ_DATE_QUERY_PARAM = "X-Amz-Date";
const SIGNED_HEADERS_QUERY_PARAM = "X-Amz-SignedHeaders";
const EXPIRES_QUERY_PARAM = "X-Amz-Expires";
const HOST_HEADER = "host";
const ALGORITHM_IDENTIFIER = "AWS4-HMAC-SHA256";

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/s3-request-presigner/dist-es/presigner.js


class S3RequestPresigner {
    signer;
    constructor(options) {
        const resolvedOptions = {
            service: options.signingName || options.service || "s3",
            uriEscapePath: options.uriEscapePath || false,
            applyChecksum: options.applyChecksum || false,
            ...options,
        };
        this.signer = new SignatureV4MultiRegion/* SignatureV4MultiRegion */.W(resolvedOptions);
    }
    presign(requestToSign, { unsignableHeaders = new Set(), hoistableHeaders = new Set(), unhoistableHeaders = new Set(), ...options } = {}) {
        this.prepareRequest(requestToSign, {
            unsignableHeaders,
            unhoistableHeaders,
            hoistableHeaders,
        });
        return this.signer.presign(requestToSign, {
            expiresIn: 900,
            unsignableHeaders,
            unhoistableHeaders,
            ...options,
        });
    }
    presignWithCredentials(requestToSign, credentials, { unsignableHeaders = new Set(), hoistableHeaders = new Set(), unhoistableHeaders = new Set(), ...options } = {}) {
        this.prepareRequest(requestToSign, {
            unsignableHeaders,
            unhoistableHeaders,
            hoistableHeaders,
        });
        return this.signer.presignWithCredentials(requestToSign, credentials, {
            expiresIn: 900,
            unsignableHeaders,
            unhoistableHeaders,
            ...options,
        });
    }
    prepareRequest(requestToSign, { unsignableHeaders = new Set(), unhoistableHeaders = new Set(), hoistableHeaders = new Set(), } = {}) {
        unsignableHeaders.add("content-type");
        Object.keys(requestToSign.headers)
            .map((header) => header.toLowerCase())
            .filter((header) => header.startsWith("x-amz-server-side-encryption"))
            .forEach((header) => {
            if (!hoistableHeaders.has(header)) {
                unhoistableHeaders.add(header);
            }
        });
        requestToSign.headers[SHA256_HEADER] = UNSIGNED_PAYLOAD;
        const currentHostHeader = requestToSign.headers.host;
        const port = requestToSign.port;
        const expectedHostHeader = `${requestToSign.hostname}${requestToSign.port != null ? ":" + port : ""}`;
        if (!currentHostHeader || (currentHostHeader === requestToSign.hostname && requestToSign.port != null)) {
            requestToSign.headers.host = expectedHostHeader;
        }
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/s3-request-presigner/dist-es/getSignedUrl.js




const getSignedUrl = async (client, command, options = {}) => {
    let s3Presigner;
    let region;
    if (typeof client.config.endpointProvider === "function") {
        const endpointV2 = await (0,endpoints.getEndpointFromInstructions)(command.input, command.constructor, client.config);
        const authScheme = endpointV2.properties?.authSchemes?.[0];
        if (authScheme?.name === "sigv4a") {
            region = authScheme?.signingRegionSet?.join(",");
        }
        else {
            region = authScheme?.signingRegion;
        }
        s3Presigner = new S3RequestPresigner({
            ...client.config,
            signingName: authScheme?.signingName,
            region: async () => region,
        });
    }
    else {
        s3Presigner = new S3RequestPresigner(client.config);
    }
    const presignInterceptMiddleware = (next, context) => async (args) => {
        const { request } = args;
        if (!protocols.HttpRequest.isInstance(request)) {
            throw new Error("Request to be presigned is not an valid HTTP request.");
        }
        delete request.headers["amz-sdk-invocation-id"];
        delete request.headers["amz-sdk-request"];
        delete request.headers["x-amz-user-agent"];
        let presigned;
        const presignerOptions = {
            ...options,
            signingRegion: options.signingRegion ?? context["signing_region"] ?? region,
            signingService: options.signingService ?? context["signing_service"],
        };
        if (context.s3ExpressIdentity) {
            presigned = await s3Presigner.presignWithCredentials(request, context.s3ExpressIdentity, presignerOptions);
        }
        else {
            presigned = await s3Presigner.presign(request, presignerOptions);
        }
        return {
            response: {},
            output: {
                $metadata: { httpStatusCode: 200 },
                presigned,
            },
        };
    };
    const middlewareName = "presignInterceptMiddleware";
    const clientStack = client.middlewareStack.clone();
    clientStack.addRelativeTo(presignInterceptMiddleware, {
        name: middlewareName,
        relation: "before",
        toMiddleware: "awsAuthMiddleware",
        override: true,
    });
    const handler = command.resolveMiddleware(clientStack, client.config, {});
    const { output } = await handler({ input: command.input });
    const { presigned } = output;
    return (0,util.formatUrl)(presigned);
};

// EXTERNAL MODULE: ./packages/core/lib/errors.js
var errors = __webpack_require__(7706);
// EXTERNAL MODULE: ./packages/core/lib/tags.js
var lib_tags = __webpack_require__(8964);
;// CONCATENATED MODULE: ./.build/tsc/actions/bake-image/artifact.js
// The application artifact's way to the builder: packed from the workspace (core's
// reproducible tar.gz), staged in S3 under its digest, and handed to the builder as a
// presigned GET URL that expires with the bake, so the builder never holds AWS credentials
// and the bucket stays private.
//
// The staging bucket is the one the user names (`staging-bucket`, immut-staging-…), or
// immut's own `immut-staging-<account>-<region>`, created when missing with Block Public
// Access, SSE-S3 default encryption, a lifecycle rule expiring artifacts/ after a day, and
// immut's tags; immut uses its own bucket only when those tags say it is immut's. That
// configuration is applied once, then marked in the tag `immut:staging-config` (its version):
// re-applying it on every bake cost three calls for nothing, and drift is better watched by
// AWS Config than undone in passing. Every call
// names the expected owner (this account), so a bucket of the same name in another account
// (bucket names are global) is never written to. Objects are content-addressed
// (`artifacts/<sha256>.tar.gz`): an unchanged artifact is not uploaded again. Staged objects
// are kept (a re-run and the next bake of the same artifact reuse them) and expire by the
// lifecycle rule; the post step does not delete them.





/** `immut:component` of immut's own staging bucket. */
const STAGING_COMPONENT = 'artifact-staging';
/** Where artifacts live in the bucket; the lifecycle rule covers exactly this prefix. */
const ARTIFACT_PREFIX = 'artifacts/';
/** Staged artifacts expire this many days after upload (S3 rounds up to the next midnight UTC). */
const ARTIFACT_EXPIRY_DAYS = 1;
/** The lifecycle rule immut puts on its bucket. */
const LIFECYCLE_RULE_ID = 'immut-expire-artifacts';
/** X-Amz-Expires' ceiling (S3: "Maximum value of 604800 (seven days)"). */
const PRESIGN_MAX_SECONDS = 604_800;
/** lib-storage part size: parts of 8 MiB (S3's minimum is 5 MiB); larger packs go multipart. */
const UPLOAD_PART_BYTES = 8 * 1024 * 1024;
const stagingBucketName = (account, region) => `immut-staging-${account}-${region}`;
const artifactKey = (sha256) => `${ARTIFACT_PREFIX}${sha256}.tar.gz`;
/** The version of configureStagingBucket: raise it when that changes, and buckets configured
 *  before are configured again on their next use. */
const STAGING_CONFIG_VERSION = '1';
/** The tags of immut's staging bucket (shared by every role and env of the account and region). */
function stagingBucketTags(bucket) {
    return { [lib_tags/* TAG */.Dk.managedBy]: lib_tags/* MANAGED_BY_VALUE */.Q9, [lib_tags/* TAG */.Dk.component]: STAGING_COMPONENT, [lib_tags/* TAG */.Dk.name]: bucket };
}
const artifact_status = (error) => error.$metadata?.httpStatusCode;
/** 'present', 'missing', or 'forbidden' (another account's, or no access). */
async function probeBucket(deps, bucket) {
    try {
        await deps.s3.send(new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: deps.account }));
        return 'present';
    }
    catch (error) {
        if (artifact_status(error) === 404)
            return 'missing';
        if (artifact_status(error) === 403)
            return 'forbidden';
        throw error;
    }
}
/** immut's own bucket's tags, 'missing' when there is no such bucket (one call for both). */
async function ownBucketTags(deps, bucket) {
    try {
        const out = await deps.s3.send(new GetBucketTaggingCommand({ Bucket: bucket, ExpectedBucketOwner: deps.account }));
        return Object.fromEntries((out.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    }
    catch (error) {
        if (error.name === 'NoSuchTagSet')
            return {};
        if (artifact_status(error) === 404)
            return 'missing';
        if (artifact_status(error) === 403)
            throw takenByAnother(bucket);
        throw error;
    }
}
/** Throws unless immut's own bucket carries immut's staging tags. */
function assertStagingTags(bucket, tags) {
    if (tags[lib_tags/* TAG */.Dk.managedBy] !== lib_tags/* MANAGED_BY_VALUE */.Q9 || tags[lib_tags/* TAG */.Dk.component] !== STAGING_COMPONENT) {
        throw new errors/* GuardError */.U$(`Refusing to stage the artifact in bucket ${bucket}: it exists in this account but lacks immut's tags (${lib_tags/* TAG */.Dk.managedBy}=${lib_tags/* MANAGED_BY_VALUE */.Q9}, ${lib_tags/* TAG */.Dk.component}=${STAGING_COMPONENT}), so immut did not create it. Name a bucket of yours with 'staging-bucket', or tag this one if it is meant for immut.`);
    }
}
async function createStagingBucket(deps, bucket) {
    const tags = stagingBucketTags(bucket);
    try {
        await deps.s3.send(new CreateBucketCommand({
            Bucket: bucket,
            CreateBucketConfiguration: {
                ...(deps.region === 'us-east-1'
                    ? {}
                    : { LocationConstraint: deps.region }),
                Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
            },
        }));
        return true;
    }
    catch (error) {
        const name = error.name;
        // A concurrent bake created it first: use it (its tags are checked next).
        if (name === 'BucketAlreadyOwnedByYou')
            return false;
        if (name === 'BucketAlreadyExists')
            throw takenByAnother(bucket);
        throw error;
    }
}
const takenByAnother = (bucket) => new errors/* UserError */.yo(`The staging bucket name ${bucket} belongs to another AWS account (bucket names are global), or this role may not read it. Name a bucket of yours with 'staging-bucket' (immut-staging-…).`);
/**
 * Block Public Access, SSE-S3 default encryption and the expiry rule, then the tag that says so
 * (last: a bucket whose configuration failed midway is configured again next time). A bucket
 * this run just created is not sent the first two: S3 gives every new bucket all four Block
 * Public Access settings (since April 2023) and SSE-S3 default encryption (since January 2023).
 */
async function configureStagingBucket(deps, bucket, tags, createdNow) {
    const owner = { Bucket: bucket, ExpectedBucketOwner: deps.account };
    if (!createdNow)
        await secureOlderBucket(deps, owner);
    await deps.s3.send(new PutBucketLifecycleConfigurationCommand({
        ...owner,
        LifecycleConfiguration: {
            Rules: [
                {
                    ID: LIFECYCLE_RULE_ID,
                    Status: 'Enabled',
                    Filter: { Prefix: ARTIFACT_PREFIX },
                    Expiration: { Days: ARTIFACT_EXPIRY_DAYS },
                    AbortIncompleteMultipartUpload: { DaysAfterInitiation: ARTIFACT_EXPIRY_DAYS },
                },
            ],
        },
    }));
    // PutBucketTagging replaces the whole set: the bucket's own tags go along.
    const tagSet = { ...tags, [lib_tags/* TAG */.Dk.stagingConfig]: STAGING_CONFIG_VERSION };
    await deps.s3.send(new PutBucketTaggingCommand({
        ...owner,
        Tagging: { TagSet: Object.entries(tagSet).map(([Key, Value]) => ({ Key, Value })) },
    }));
}
/** What S3 gives a new bucket, sent to one made before those defaults or changed since. */
async function secureOlderBucket(deps, owner) {
    await deps.s3.send(new PutPublicAccessBlockCommand({
        ...owner,
        PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
        },
    }));
    await deps.s3.send(new PutBucketEncryptionCommand({
        ...owner,
        ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
        },
    }));
}
/** The bucket to stage in: the named one (which must exist here), or immut's own. */
async function ensureStagingBucket(deps, named) {
    if (named !== undefined) {
        const found = await probeBucket(deps, named);
        if (found === 'missing')
            throw new errors/* UserError */.yo(`Input 'staging-bucket' was '${named}': no such bucket; expected an existing bucket of this account.`);
        if (found === 'forbidden')
            throw takenByAnother(named);
        return { name: named, owned: false, created: false };
    }
    const name = stagingBucketName(deps.account, deps.region);
    const found = await ownBucketTags(deps, name);
    const created = found === 'missing' ? await createStagingBucket(deps, name) : false;
    // A bucket another bake created between the two calls: read what it has.
    const tags = created
        ? stagingBucketTags(name)
        : found === 'missing'
            ? await ownBucketTags(deps, name)
            : found;
    if (tags === 'missing')
        throw new Error(`S3 reported bucket ${name} both existing and missing`);
    assertStagingTags(name, tags);
    if (tags[lib_tags/* TAG */.Dk.stagingConfig] !== STAGING_CONFIG_VERSION)
        await configureStagingBucket(deps, name, tags, created);
    if (created)
        deps.io.info(`Created staging bucket ${name} (private, SSE-S3, artifacts expire after ${ARTIFACT_EXPIRY_DAYS} day).`);
    return { name, owned: true, created };
}
/** Uploads the pack unless the same digest is already staged; returns whether it uploaded. */
async function stageArtifact(deps, bucket, pack) {
    const key = artifactKey(pack.sha256);
    try {
        const head = await deps.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ExpectedBucketOwner: deps.account }));
        if (head.ContentLength === pack.size) {
            deps.io.info(`Artifact ${pack.sha256} is already staged in s3://${bucket}/${key}; not uploading it again.`);
            return false;
        }
        deps.io.warning(`s3://${bucket}/${key} has ${head.ContentLength} bytes, not ${pack.size}; uploading it again.`);
    }
    catch (error) {
        if (artifact_status(error) !== 404)
            throw error;
    }
    await new Upload({
        client: deps.s3,
        params: {
            Bucket: bucket,
            Key: key,
            Body: pack.bytes,
            ContentType: 'application/gzip',
            ExpectedBucketOwner: deps.account,
        },
        partSize: UPLOAD_PART_BYTES,
        queueSize: 4,
        leavePartsOnError: false,
    }).done();
    deps.io.info(`Staged artifact ${pack.sha256} (${pack.size} bytes) as s3://${bucket}/${key}.`);
    return true;
}
/**
 * A GET URL for the staged pack, valid until the bake's deadline (at most S3's 7 days).
 * Signed at the time S3 last reported (the SDK corrects a skewed clock from S3's Date
 * header), so a runner with a wrong clock does not hand out a URL that is already expired.
 */
async function presignArtifact(deps, bucket, pack, validForMs) {
    const expiresIn = Math.min(PRESIGN_MAX_SECONDS, Math.max(1, Math.ceil(validForMs / 1000)));
    const offset = deps.s3.config.systemClockOffset ?? 0;
    const url = await getSignedUrl(deps.s3, new GetObjectCommand({ Bucket: bucket, Key: artifactKey(pack.sha256) }), {
        expiresIn,
        signingDate: new Date(Date.now() + offset),
    });
    return { url, sha256: pack.sha256, size: pack.size };
}


/***/ })

};
