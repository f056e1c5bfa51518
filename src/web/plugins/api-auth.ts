// Agency systems call the API with `Authorization: Bearer TOKEN`. A token acts for its agency
// only, and only while it is neither revoked nor expired; each use is counted per token, route and
// hour, the first in each hour audited (access/tokens.ts). A signed-in person's session works on
// the API too, with the same rules as the pages.
import fp from 'fastify-plugin'
import type { Db } from '../../db/database.ts'
import { now } from '../../config/clock.ts'
import { findToken, recordTokenUse } from '../../access/tokens.ts'

export default fp(async (app, opts: { db: Db }) => {
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization
    if (!header || !request.url.startsWith('/api/')) return
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (!m) return
    const at = now()
    const owner = await findToken(opts.db, m[1], at)
    if (!owner) return
    request.viewer = { kind: 'token', agency: owner.agency, roles: [] }
    request.actor = { kind: 'token', tokenId: owner.tokenId, agency: owner.agency }
    request.user = null
    await recordTokenUse(opts.db, owner, `${request.method} ${request.routeOptions.url ?? '(no such route)'}`, at)
  })
})
