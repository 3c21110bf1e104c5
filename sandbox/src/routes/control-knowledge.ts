import type { FastifyInstance } from 'fastify';

import type { SandboxState } from '../state';
import { bodySchema as body } from './schema';

/**
 * The knowledge base's control routes: the plan's quota, and the loss of the documents on the API side
 * (what a site's reconcile must repair). The write counts stay: they are what the site sent.
 */
export function registerKnowledgeControlRoutes(
	control: FastifyInstance,
	state: SandboxState
): void {
	const describe = () => ( {
		quota: state.knowledge.quota,
		documents: state.knowledge.heldPerClient(),
	} );

	control.get( '/knowledge', async () => describe() );

	control.put< { Body: { quota: number } } >(
		'/knowledge',
		{
			schema: body( { quota: { type: 'integer', minimum: 0 } }, [
				'quota',
			] ),
		},
		async ( request ) => {
			state.knowledge.quota = request.body.quota;
			return describe();
		}
	);

	// ?client_id= clears one client's documents; without it, everyone's.
	control.delete< { Querystring: { client_id?: string } } >(
		'/knowledge',
		async ( request ) => {
			state.knowledge.clear( request.query.client_id );
			return describe();
		}
	);
}
