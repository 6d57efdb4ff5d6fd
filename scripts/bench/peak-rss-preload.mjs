/**
 * Preloaded into a measured child (`node --import <this file> …`): when the process exits, it
 * writes its peak resident set size in KB (`process.resourceUsage().maxRSS`, which covers every
 * thread of the process) to the file named by `BENCH_MAXRSS_FILE`.
 */
/* global process */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
