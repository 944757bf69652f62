export const id = 560;
export const ids = [560];
export const modules = {

/***/ 7560:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findDb: () => (/* binding */ findDb),
/* harmony export */   tagDb: () => (/* binding */ tagDb)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9397);
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1906);
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6115);
/* harmony import */ var _immut_core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7706);
/* harmony import */ var _immut_core_tags__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8964);
/* harmony import */ var _aws_resources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6665);
// The data side of a release: the replica the inputs name, through core's guard, and its
// release tag. Apart from aws-resources.ts so that the RDS SDK loads only for a release with
// data (issue #20: load only the clients the run needs).




/** The data replica, through the guard; a missing one is an input error. */
async function findDb(rds, dbInstanceId, id, region) {
    let instance;
    try {
        instance = (await rds.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBInstancesCommand */ .h({ DBInstanceIdentifier: dbInstanceId })))
            .DBInstances?.[0];
    }
    catch (error) {
        if (!['DBInstanceNotFoundFault', 'DBInstanceNotFound'].includes((0,_aws_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .awsName */ .py)(error) ?? ''))
            throw error;
    }
    if (!instance?.DBInstanceArn) {
        throw new _immut_core_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz([
            `Input 'db-instance-id' was '${dbInstanceId}': no such RDS instance in ${region}; expected replicate-data's db-instance-id output from the same region.`,
        ]);
    }
    const tags = instance.TagList
        ? (0,_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .fromAwsTags */ .L0)(instance.TagList)
        : (0,_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .fromAwsTags */ .L0)((await rds.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_4__/* .ListTagsForResourceCommand */ .a({ ResourceName: instance.DBInstanceArn }))).TagList);
    (0,_immut_core_tags__WEBPACK_IMPORTED_MODULE_1__/* .assertManaged */ .wt)({ kind: 'DB instance', id: dbInstanceId, tags }, id);
    return {
        id: dbInstanceId,
        arn: instance.DBInstanceArn,
        engine: instance.Engine ?? 'unknown',
        ...(instance.Endpoint?.Address ? { address: instance.Endpoint.Address } : {}),
        ...(instance.DBClusterIdentifier ? { clusterId: instance.DBClusterIdentifier } : {}),
        tags,
    };
}
/** Writes the release's tag on the replica. */
async function tagDb(rds, db, tags) {
    await rds.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_5__/* .AddTagsToResourceCommand */ .X({ ResourceName: db.arn, Tags: tags }));
}


/***/ })

};
