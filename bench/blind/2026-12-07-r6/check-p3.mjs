#!/usr/bin/env node
// Re-counts partnership/p3/truth-quarters.csv from the NDJSON files. Usage: node check-p3.mjs [dir]
import { check } from './check-partnership.mjs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
check(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'partnership', 'p3'))
