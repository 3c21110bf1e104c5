/**
 * The WordPress lines the specs run on; bin/e2e-sites.sh serves one site for each.
 */
export interface SiteOptions {
	wordpressVersion: string;
	/** The sandbox Causerie API this site is connected to. */
	sandboxURL: string;
	/** A sandbox whose authorization server (this address) and API are on two origins. */
	splitIssuerURL: string;
	/** That sandbox's API, which names its authorization server in RFC 9728 metadata. */
	splitApiURL: string;
}

export const SITES = [
	{
		suite: 'trixie',
		wordpressVersion: '6.8',
		url: `http://127.0.0.1:${ process.env.E2E_PORT_TRIXIE ?? '8868' }`,
		sandboxURL: `http://127.0.0.1:${
			process.env.E2E_SANDBOX_PORT_TRIXIE ?? '8869'
		}`,
		splitIssuerURL: `http://127.0.0.1:${
			process.env.E2E_SPLIT_PORT_TRIXIE ?? '8864'
		}`,
		splitApiURL: `http://127.0.0.1:${
			process.env.E2E_SPLIT_API_PORT_TRIXIE ?? '8865'
		}`,
		stockURL: `http://127.0.0.1:${
			process.env.E2E_STOCK_PORT_TRIXIE ?? '8870'
		}`,
	},
	{
		suite: 'sid',
		wordpressVersion: '7.1',
		url: `http://127.0.0.1:${ process.env.E2E_PORT_SID ?? '8871' }`,
		sandboxURL: `http://127.0.0.1:${
			process.env.E2E_SANDBOX_PORT_SID ?? '8872'
		}`,
		splitIssuerURL: `http://127.0.0.1:${
			process.env.E2E_SPLIT_PORT_SID ?? '8866'
		}`,
		splitApiURL: `http://127.0.0.1:${
			process.env.E2E_SPLIT_API_PORT_SID ?? '8867'
		}`,
		stockURL: `http://127.0.0.1:${
			process.env.E2E_STOCK_PORT_SID ?? '8873'
		}`,
	},
] as const;

/**
 * The multisite network bin/e2e-sites.sh serves on the current line: its main site at `url`, a second
 * site at `url`/second/ whose administrator (siteadmin) is no network administrator, and a sandbox of its
 * own, to which nothing is connected until the network's screen saves the network's credentials.
 */
export const NETWORK = {
	suite: 'sid',
	wordpressVersion: '7.1',
	url: `http://127.0.0.1:${ process.env.E2E_PORT_NETWORK ?? '8874' }`,
	sandboxURL: `http://127.0.0.1:${
		process.env.E2E_SANDBOX_PORT_NETWORK ?? '8875'
	}`,
} as const;

/** The spec that only the network's project runs. */
export const NETWORK_SPEC = 'network-screen.spec.ts';
