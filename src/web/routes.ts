// Every capability's routes, registered in this order.
import type { FastifyPluginAsync } from 'fastify'
import type { AppDeps } from './app.ts'
import signInRoutes from '../access/routes.ts'
import adminRoutes from '../access/admin-routes.ts'
import accountRoutes from '../access/account-routes.ts'
import mfaRoutes from '../access/mfa-routes.ts'
import peopleRoutes from '../people/routes.ts'
import peopleApi from '../people/api.ts'
import { recordsApi } from '../records/routes.ts'
import { otherFormats } from '../returns/cli.ts'
import workingTogetherRoutes from '../working-together/routes.ts'
import missingRoutes from '../missing/routes.ts'
import networksRoutes from '../networks/routes.ts'
import linkageRoutes from '../linkage/routes.ts'
import riskRoutes from '../risk/routes.ts'
import languageRoutes from '../language/routes.ts'
import privacyRoutes from '../privacy/routes.ts'
import partnershipRoutes from '../partnership/routes.ts'

export const routeRegistrations: FastifyPluginAsync<AppDeps>[] = [
  signInRoutes,
  adminRoutes,
  accountRoutes,
  mfaRoutes,
  peopleRoutes,
  peopleApi,
  recordsApi(otherFormats),
  workingTogetherRoutes,
  missingRoutes,
  riskRoutes,
  languageRoutes,
  networksRoutes,
  linkageRoutes,
  privacyRoutes,
  partnershipRoutes,
]
