import { AUTH_METHODS, type AuthMethod } from './client-auth';
import { ClientStore, type ClientInput } from './clients';
import { Clock } from './clock';
import { ConversationStore } from './conversations';
import { Counters } from './counters';
import { FaultPlan } from './faults';
import { KeyStore } from './keys';
import { KnowledgeBase } from './knowledge';
import { DEFAULT_MODES, type Modes } from './modes';
import { API_PATH, PATHS } from './paths';
import { SCOPES } from './scopes';
import { TokenService } from './tokens';
import { WidgetBots } from './widget-bots';

/** Clients every sandbox starts with; wp-development suits a local or development site. */
export const SEED_CLIENTS: ClientInput[] = [
	{
		id: 'wp-development',
		secret: 'sandbox-development-secret',
		scopes: [ ...SCOPES ],
		environment: 'development',
		tokenLifetime: 3600,
		refreshTokens: true,
	},
	{
		id: 'wp-staging',
		secret: 'sandbox-staging-secret',
		scopes: [ ...SCOPES ],
		environment: 'staging',
		tokenLifetime: 3600,
		refreshTokens: false,
	},
	{
		id: 'wp-production',
		secret: 'sandbox-production-secret',
		scopes: [ ...SCOPES ],
		environment: 'production',
		tokenLifetime: 3600,
		refreshTokens: false,
	},
	{
		id: 'wp-widget-only',
		secret: 'sandbox-widget-only-secret',
		scopes: [ 'read:widget' ],
		environment: 'production',
		tokenLifetime: 900,
		refreshTokens: false,
	},
];

/**
 * Everything the sandbox knows. One instance per server, shared by both origins when they are split;
 * reset() brings back the seeded state.
 */
export class SandboxState {
	readonly clock = new Clock();
	readonly clients = new ClientStore();
	readonly faults = new FaultPlan();
	readonly counters: Counters = new Counters( (): Record< string, number > =>
		this.knowledge.heldPerClient()
	);
	/** Client authentication methods the token endpoint accepts and the metadata advertises. */
	authMethods: AuthMethod[] = [ ...AUTH_METHODS ];
	/** Knowledge documents, per client. */
	readonly knowledge: KnowledgeBase = new KnowledgeBase(
		() => this.clock.nowMs(),
		this.counters
	);
	/** Each client's bot: its public id and the site origins that may embed it. */
	readonly widget = new WidgetBots( this.clients );
	/** Visitors' conversations with the bots, and their leads. */
	readonly conversations: ConversationStore = new ConversationStore( () =>
		this.clock.nowMs()
	);
	modes: Modes;
	keys: KeyStore;
	tokens: TokenService;

	/**
	 * @param issuer     The authorization server's origin, also its issuer identifier.
	 * @param apiUrl     The protected API's origin: the issuer's, unless the origins are split.
	 * @param startModes The modes a reset goes back to.
	 */
	private constructor(
		readonly issuer: string,
		readonly apiUrl: string,
		private readonly startModes: Readonly< Modes >,
		keys: KeyStore
	) {
		this.modes = { ...startModes };
		this.keys = keys;
		this.tokens = this.newTokenService();
		this.seed();
	}

	static async create(
		issuer: string,
		options: { apiUrl?: string; modes?: Partial< Modes > } = {}
	): Promise< SandboxState > {
		return new SandboxState(
			issuer,
			options.apiUrl ?? issuer,
			{ ...DEFAULT_MODES, ...options.modes },
			await KeyStore.create()
		);
	}

	/** The protected API's resource identifier, the `aud` of every access token. */
	get audience(): string {
		return this.apiUrl + API_PATH;
	}

	/** RFC 9728 metadata of the API, on the API's origin. */
	get resourceMetadataUrl(): string {
		return this.apiUrl + PATHS.resourceMetadata;
	}

	setModes( changes: Partial< Modes > ): Modes {
		this.modes = { ...this.modes, ...changes };
		return this.modes;
	}

	/**
	 * Back to the seeded configuration: clients, clock, faults, counters, documents and quota, widget origins, conversations and leads, modes. Issued tokens
	 * and the signing key stay, as on a real server, unless `full` is set (tests start from nothing).
	 */
	async reset( { full = false }: { full?: boolean } = {} ): Promise< void > {
		if ( full ) {
			this.keys = await KeyStore.create();
			this.tokens = this.newTokenService();
		}
		this.clock.setSkew( 0 );
		this.faults.clear();
		this.counters.reset();
		this.knowledge.reset();
		this.widget.clear();
		this.conversations.clear();
		this.authMethods = [ ...AUTH_METHODS ];
		this.modes = { ...this.startModes };
		this.clients.clear();
		this.seed();
	}

	private newTokenService(): TokenService {
		return new TokenService(
			this.clock,
			this.keys,
			this.issuer,
			this.audience,
			() => this.modes
		);
	}

	private seed(): void {
		for ( const client of SEED_CLIENTS ) {
			this.clients.add( client );
		}
	}
}
