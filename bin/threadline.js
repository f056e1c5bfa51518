#!/usr/bin/env node
// The `threadline` command. TypeScript runs through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
await main(process.argv)
