/** immut's version, sent in every AWS user agent. A test keeps it equal to package.json's. */
export const IMMUT_VERSION = '0.1.0';
