export const id = 933;
export const ids = [933];
export const modules = {

/***/ 4933:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stagingClients: () => (/* binding */ stagingClients)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8897);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(869);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4928);
/* harmony import */ var _immut_core_aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2485);
// S3 and STS for staging a bake's artifact, in a chunk of their own: main-aws.ts loads it
// when the bake first stages one, so a bake's first requests (SSM, EC2) do not wait for them.



/** This account's id (STS GetCallerIdentity needs no permission), asked once. */
function accountOf(sts) {
    let account;
    return () => (account ??= sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__/* .GetCallerIdentityCommand */ .z({})).then((out) => {
        if (!out.Account)
            throw new Error('STS GetCallerIdentity returned no account');
        return out.Account;
    }));
}
function stagingClients(settings) {
    const s3 = (0,_immut_core_aws__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(_aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__/* .S3Client */ .Y, settings);
    const sts = (0,_immut_core_aws__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(_aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .i, settings);
    return {
        s3,
        accountId: accountOf(sts),
        destroy: () => {
            s3.destroy();
            sts.destroy();
        },
    };
}


/***/ })

};
