export const id = 261;
export const ids = [261];
export const modules = {

/***/ 1261:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseWorld: () => (/* binding */ parseWorld),
/* harmony export */   planWorld: () => (/* binding */ planWorld)
/* harmony export */ });
/* unused harmony exports WORLD_SCHEMA, worldSchema, WorldError, tooBig, worldJsonSchema */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2857);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7706);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4891);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2144);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2977);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3468);
/* harmony import */ var _world_limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3134);
// The world file (`immut.world.yml` in the consumer's repository): every role of one
// environment with what its release needs. rebuild-the-world validates it and fans out one
// release per role. Keys are the actions' input names, so a role's settings pass straight
// through to the actions (one name for one meaning); defaults apply to every role.









const WORLD_SCHEMA = 'immut.world/v1';
/** A one-line string: no control characters. */
const oneLine = () => zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().superRefine((value, ctx) => {
    const where = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .controlCharacterIn */ .k2)(value);
    if (where)
        ctx.addIssue({ code: 'custom', message: `has ${where}; expected one line of text` });
});
const id = (prefix) => zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `a ${prefix}-… id`);
const dnsName = zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().superRefine((name, ctx) => {
    const problem = (0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .checkDnsName */ .l)(name);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem });
});
const flags = zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(/^[A-Z_][A-Z0-9_]*$/, 'upper-case flag names'), zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP())
    .superRefine((record, ctx) => {
    for (const [name, value] of Object.entries(record)) {
        const where = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .controlCharacterIn */ .k2)(value);
        const reason = where
            ? `its value has ${where}; a flag value is one line of text (write a multi-line value to SSM Parameter Store and pass the parameter name)`
            : (0,_secrets_js__WEBPACK_IMPORTED_MODULE_7__/* .secretReason */ .r)(name, value);
        if (reason)
            ctx.addIssue({ code: 'custom', path: [name], message: `flag ${name} is refused: ${reason}` });
    }
});
/** Settings a role may set, and `defaults` may set for every role. */
const settings = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    'base-image': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()
        .regex(/^(?:ssm:\/\S+|filter:\S.*|ami-[0-9a-f]{8,17})$/, "'ssm:/…', 'filter:…' or 'ami-…'")
        .refine((value) => (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .controlCharacterIn */ .k2)(value) === undefined, 'one line of text, no control characters'),
    provision: oneLine().min(1),
    // No comma: the matrix passes the list comma-separated.
    'log-paths': zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(/^\/[^\s,]*$/, 'an absolute path or glob without commas')),
    'app-version': oneLine().min(1),
    // Workspace paths of bake-image's artifact: relative, no '..', no comma (the matrix
    // passes the list comma-separated); containment is checked again when bake-image reads them.
    artifact: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(oneLine()
        .min(1)
        .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^,]+$/, 'a workspace path (relative, no ..) without commas'))
        .min(1),
    'instance-type': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(/^[a-z][a-z0-9-]*\d[a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type'),
    count: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().min(1).max(100),
    'subnet-ids': zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(id('subnet')).min(2, 'a load balancer needs subnets in two or more zones'),
    'security-group-ids': zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(id('sg')).min(1),
    'lb-security-group-ids': zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(id('sg')).min(1),
    port: zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().min(1).max(65535),
    'health-check-path': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()
        .regex(/^\/\S{0,1023}$/, "a path starting with '/', without spaces or control characters"),
    'source-db': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()
        .regex(/^[a-zA-Z](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,62}$/, 'an RDS DB instance or Aurora DB cluster identifier'),
    // `clone`: an Aurora copy-on-write clone (replicate-data).
    from: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(/^(?:latest-snapshot|point-in-time|new-snapshot|clone|snapshot:\S+)$/),
    'changelog-command': zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().min(1),
    'dns-name': dnsName,
    strategy: zod__WEBPACK_IMPORTED_MODULE_6__/* ["enum"] */ .k5n(['swap', 'weighted']),
    steps: zod__WEBPACK_IMPORTED_MODULE_6__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_6__/* .number */ .aig().int().min(1).max(100)),
    flags,
})
    .partial()
    .strict();
const worldSchema = zod__WEBPACK_IMPORTED_MODULE_6__/* .object */ .Ikc({
    schema: zod__WEBPACK_IMPORTED_MODULE_6__/* .literal */ .euz(WORLD_SCHEMA),
    env: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP()
        .regex(_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .ENV_RULE */ .$G.pattern, _identity_js__WEBPACK_IMPORTED_MODULE_2__/* .ENV_RULE */ .$G.expected)
        .refine((env) => !_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .RESERVED_ENVS */ .WN.has(env), 'a reserved env name'),
    region: zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .AWS_REGION */ .VN, 'an AWS region such as us-east-1'),
    /** The hosted zone the role names live in. */
    zone: dnsName,
    defaults: settings.optional(),
    roles: zod__WEBPACK_IMPORTED_MODULE_6__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_6__/* .string */ .YjP().regex(_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .ROLE_RULE */ .AR.pattern, _identity_js__WEBPACK_IMPORTED_MODULE_2__/* .ROLE_RULE */ .AR.expected), settings)
        .refine((roles) => Object.keys(roles).length > 0, 'list at least one role')
        .superRefine((roles, ctx) => {
        const count = Object.keys(roles).length;
        if (count > _world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .WORLD_LIMITS */ .q.roles)
            ctx.addIssue({
                code: 'custom',
                message: `${count} roles; at most ${_world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .WORLD_LIMITS */ .q.roles} (rebuild-the-world releases them in chunks of ${_world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .MATRIX_JOBS_LIMIT */ .X}, GitHub's limit of jobs from one matrix, each role a release of 7 jobs, and GitHub runs at most 50,000 jobs in one workflow run): split the roles over several environments, each with its own world file`,
            });
    }),
})
    .strict();
/** What every role must end up with, from its own settings or the defaults. */
const REQUIRED_PER_ROLE = [
    'base-image',
    'provision',
    'app-version',
    'subnet-ids',
    'security-group-ids',
    'lb-security-group-ids',
];
class WorldError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    file;
    problems;
    name = 'WorldError';
    constructor(file, problems) {
        super(`${file} has ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.file = file;
        this.problems = problems;
    }
}
function pathOf(path) {
    return path.length === 0 ? '(root)' : path.map(String).join('.');
}
/** One schema problem as `path: what is expected`. A bad record key (a role or flag name)
 *  is shown escaped, since a look-alike (Cyrillic 'а', a zero-width joiner) reads as a good one. */
function describeIssue(issue) {
    if (issue.code !== 'invalid_key')
        return `${pathOf(issue.path)}: ${issue.message}`;
    // Names are ASCII by rule, so every other character is the problem: show its code point.
    const key = String(issue.path.at(-1) ?? '').replace(/[^\x20-\x7e]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
    const expected = issue.issues.map((inner) => inner.message).join('; ');
    return `${pathOf(issue.path.slice(0, -1))}: the name ${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .showGiven */ .vP)(key)} is refused; expected ${expected}`;
}
/**
 * Parses and validates a world file. Every mistake is reported at once with its path
 * (`roles.api.subnet-ids.1: a subnet-… id`), so one edit fixes them all.
 */
function parseWorld(text, file = 'immut.world.yml') {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > _world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .WORLD_LIMITS */ .q.fileBytes)
        throw new WorldError(file, [tooBig(bytes)]);
    let value;
    try {
        value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { maxAliasCount: _world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .WORLD_LIMITS */ .q.aliases });
    }
    catch (error) {
        // The yaml library says "Excessive alias count indicates a resource exhaustion attack".
        if (error instanceof ReferenceError && /alias/i.test(error.message)) {
            throw new WorldError(file, [
                `too many YAML aliases (*name): at most ${_world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .WORLD_LIMITS */ .q.aliases} alias expansions, as a guard against exponential expansion (a YAML bomb); write the values out, or set shared values once under defaults`,
            ]);
        }
        const where = error instanceof yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLParseError */ .XT && error.linePos ? ` (line ${error.linePos[0].line})` : '';
        throw new WorldError(file, [`not valid YAML${where}: ${error.message.split('\n')[0]}`]);
    }
    const parsed = worldSchema.safeParse(value);
    const problems = [
        ...(parsed.success ? [] : parsed.error.issues.map(describeIssue)),
        ...missingPerRole(value),
    ];
    if (problems.length > 0 || !parsed.success)
        throw new WorldError(file, problems);
    return parsed.data;
}
/** The problem with a world file of `bytes` bytes, over the size limit. */
function tooBig(bytes) {
    return `the file is ${bytes} bytes; at most ${_world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .WORLD_LIMITS */ .q.fileBytes} (${_world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .WORLD_LIMITS */ .q.fileBytes / 1024 / 1024} MiB) are read, which is far more than a world of ${_world_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .WORLD_LIMITS */ .q.roles} roles needs; is this the right file?`;
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * What each role lacks after defaults, checked on the raw file so these problems are
 * reported together with the schema's, not one round trip later.
 */
function missingPerRole(value) {
    if (!isObject(value) || !isObject(value['roles']))
        return [];
    const defaults = isObject(value['defaults']) ? value['defaults'] : {};
    const problems = [];
    for (const [role, own] of Object.entries(value['roles'])) {
        if (role === _naming_js__WEBPACK_IMPORTED_MODULE_4__/* .WORLD_ROLE */ .Wg) {
            problems.push(`roles.${role}: the role name '${_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .WORLD_ROLE */ .Wg}' is reserved: its release tag would be the world release's (immut/<env>/${_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .WORLD_ROLE */ .Wg}/<build>); rename the role`);
        }
        const merged = { ...defaults, ...(isObject(own) ? own : {}) };
        for (const key of REQUIRED_PER_ROLE) {
            if (merged[key] === undefined)
                problems.push(`roles.${role}.${key}: required (set it on the role or in defaults)`);
        }
        const name = merged['dns-name'];
        const zone = value['zone'];
        if (typeof name === 'string' && typeof zone === 'string' && !inZone(name, zone)) {
            // Caught here, not after bake, replica and launch: cutover-dns can only change names
            // in its hosted zone (and the role's policy allows no other).
            problems.push(`roles.${role}.dns-name: ${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .showGiven */ .vP)(name)} is not in the zone ${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .showGiven */ .vP)(zone)}; expected the zone's name or a name ending in .${(0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeDnsName */ .Cc)(zone)}`);
        }
        if (merged['changelog-command'] !== undefined && merged['source-db'] === undefined) {
            problems.push(`roles.${role}.changelog-command: needs source-db (a change log is applied to a data replica)`);
        }
    }
    return problems;
}
function inZone(name, zone) {
    const [n, z] = [(0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeDnsName */ .Cc)(name).toLowerCase(), (0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeDnsName */ .Cc)(zone).toLowerCase()];
    return n === z || n.endsWith(`.${z}`);
}
/** One plan per role, sorted by role: what rebuild-the-world passes to each release. */
function planWorld(world) {
    return Object.entries(world.roles)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([role, own]) => ({
        ...world.defaults,
        ...own,
        role,
        env: world.env,
        region: world.region,
        zone: (0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeDnsName */ .Cc)(world.zone),
        'dns-name': own['dns-name']
            ? (0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeDnsName */ .Cc)(own['dns-name'])
            : (0,_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .roleDnsName */ .P0)({ role, env: world.env }, world.zone),
    }));
}
/** The world file's JSON Schema, for editors (yaml-language-server) and other tools. */
function worldJsonSchema() {
    return z.toJSONSchema(worldSchema, { io: 'input' });
}


/***/ })

};
