// Pages for missing episodes, one plugin per page group: recording an episode or its return
// (episode-routes.ts), the return interview, the work list and assigning it (interview-routes.ts),
// the strategy discussion's plan for a child repeatedly missing and the figures (repeat-routes.ts),
// and the Philomena profile (profile-routes.ts). The child's missing history on their page (and the
// profile at the top while they are missing) are panels (panels.ts); the morning page's section is
// manager-section.ts. Who may do each is access.ts, on top of people/child-in-reach.ts childFor.
import type { FastifyPluginAsync } from 'fastify'
import multipart from '@fastify/multipart'
import type { AppDeps } from '../web/app.ts'
import './panels.ts'
import { missingSettings } from './settings.ts'
import episodeRoutes from './episode-routes.ts'
import interviewRoutes from './interview-routes.ts'
import repeatRoutes from './repeat-routes.ts'
import profileRoutes from './profile-routes.ts'
import './manager-section.ts'

const MAX_PHOTO_BYTES = 5 * 1024 * 1024

const PAGE_GROUPS: FastifyPluginAsync<AppDeps>[] = [episodeRoutes, interviewRoutes, repeatRoutes, profileRoutes]

const routes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  missingSettings() // a bad THREADLINE_INTERVIEW_HOURS / _REPEAT_* stops the server at start, naming the variable
  // multipart forms (the profile's photograph) for every page group below, as before the split
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 20, fieldSize: 20_000 },
    async onFile(part) {
      const data = await part.toBuffer()
      ;(part as unknown as { value: unknown }).value = { data, filename: part.filename, mimetype: part.mimetype }
    },
  })
  for (const group of PAGE_GROUPS) await app.register(group, deps)
}

export default routes
