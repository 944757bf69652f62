export const id = 950;
export const ids = [950];
export const modules = {

/***/ 8950:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubError: () => (/* reexport safe */ _github_calls_js__WEBPACK_IMPORTED_MODULE_6__.y_),
/* harmony export */   concurrentGroup: () => (/* binding */ concurrentGroup),
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   describeGitHubError: () => (/* reexport safe */ _github_calls_js__WEBPACK_IMPORTED_MODULE_6__.dZ),
/* harmony export */   gitHubCall: () => (/* reexport safe */ _github_calls_js__WEBPACK_IMPORTED_MODULE_6__.S5),
/* harmony export */   gitHubFind: () => (/* reexport safe */ _github_calls_js__WEBPACK_IMPORTED_MODULE_6__.LN),
/* harmony export */   isRequestError: () => (/* reexport safe */ _github_calls_js__WEBPACK_IMPORTED_MODULE_6__.eK),
/* harmony export */   pacedGroup: () => (/* binding */ pacedGroup),
/* harmony export */   statusOf: () => (/* reexport safe */ _github_calls_js__WEBPACK_IMPORTED_MODULE_6__.c2)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9083);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8055);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1757);
/* harmony import */ var _github_calls_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1602);
// One factory for the GitHub API client, like aws.ts for AWS: @actions/github's Octokit
// pointed at GITHUB_API_URL (GitHub Enterprise, or the sandbox in tests), with Octokit's
// retry plugin (5xx) and throttling plugin (primary and secondary rate limits), an immut
// user agent, and errors turned into what the user has to do.






/**
 * One job at a time, at least `minMs` apart on the action's (scaled) clock: the shape of
 * the Bottleneck groups the throttling plugin paces writes with. GitHub asks integrators
 * to wait a second between writes; against the sandbox the wait shrinks with the clock.
 */
function pacedGroup(minMs, timeScale = 1) {
    let tail = Promise.resolve();
    let last = Number.NEGATIVE_INFINITY;
    const schedule = (...args) => {
        const [fn, ...params] = (typeof args[0] === 'function' ? args : args.slice(1));
        const run = tail.then(async () => {
            const wait = (last + minMs - Date.now() * timeScale) / timeScale;
            if (wait > 0)
                await new Promise((resolve) => setTimeout(resolve, wait));
            last = Date.now() * timeScale;
            return fn(...params);
        });
        tail = run.catch(() => undefined);
        return run;
    };
    return { key: () => ({ schedule }) };
}
/**
 * At most `max` jobs at once: the throttling plugin's global group (10 requests at once), made
 * per client. The plugin's own is one per process, so clients sharing a process (the bench runs
 * hundreds of action steps in one) would queue behind each other, which a runner per job never does.
 */
function concurrentGroup(max) {
    let running = 0;
    const waiting = [];
    const schedule = async (...args) => {
        const [fn, ...params] = (typeof args[0] === 'function' ? args : args.slice(1));
        // A finished job hands its slot to the next waiter, so no newcomer slips in between.
        if (running < max)
            running++;
        else
            await new Promise((resolve) => waiting.push(resolve));
        try {
            return await fn(...params);
        }
        finally {
            const next = waiting.shift();
            if (next)
                next();
            else
                running--;
        }
    };
    return { key: () => ({ schedule }) };
}
/**
 * The fetch Octokit uses: the runner's proxy-aware fetch when a proxy is configured (self-
 * hosted runners behind a proxy), else the platform's fetch.
 */
function fetchFor(env) {
    const proxied = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => env[name]);
    const runnerFetch = _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch;
    return proxied && runnerFetch ? runnerFetch : globalThis.fetch;
}
/** The Octokit client every immut action uses. */
function createGitHubClient(settings) {
    const scale = settings.timeScale ?? (0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .timeScaleFromEnv */ .Ny)(settings.env);
    const retries = settings.rateLimitRetries ?? 3;
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        if (retryCount >= retries) {
            settings.log.warning(`GitHub ${kind} on ${options.method} ${options.url}; giving up after ${retries} retries`);
            return false;
        }
        settings.log.info(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return true;
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, {
        baseUrl: (settings.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/$/, ''),
        userAgent: `immut/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .IMMUT_VERSION */ .u} immut-action/${settings.action}`,
        request: { fetch: fetchFor(settings.env) },
        log: {
            debug: (m) => settings.log.debug(m),
            info: (m) => settings.log.debug(m),
            warn: (m) => settings.log.warning(m),
            error: (m) => settings.log.warning(m),
        },
        // Octokit's default list plus 409: a conflict (e.g. an empty repository) never heals by retrying.
        retry: {
            retries: 3,
            retryAfterBaseValue: 1000 / scale,
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
        },
        throttle: {
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            retryAfterBaseValue: 1000 / scale,
            // The plugin only calls key().schedule() on these; its type asks for a whole Bottleneck.Group.
            write: pacedGroup(1000, scale),
            notifications: pacedGroup(3000, scale),
            // Read by the plugin like the two above (options before its own groups), though its type omits it.
            ...{ global: concurrentGroup(10) },
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
}
// What a failed call means for the user, and the wrappers every call goes through, live in
// github-calls.ts, which loads no Octokit: release-reader.ts and recorded-release.ts use them
// without loading the client (issue #20: an action loads the GitHub client only if it calls).



/***/ })

};
