/**
 * How the build is started — by `npm run build` (package.json, which a test holds to this), the
 * benchmarks and the tests' builds: `scripts/build.ts` with semi-spaces of 8 MB for V8's young
 * generation, which it otherwise grows to 32 MB or more on each of the build's threads. Measured
 * on 10,000 generated patterns: the largest process 2.25 GB instead of 2.44 GB, in the same time
 * (the real library: the same time, 1.4 GB instead of 1.7 GB). A heap flag is read when the
 * process starts, so it is given on the command line.
 */
export const BUILD_ARGS: readonly string[] = ['--max-semi-space-size=8', 'scripts/build.ts'];
