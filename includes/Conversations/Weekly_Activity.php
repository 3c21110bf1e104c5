<?php
/**
 * Conversations and leads of the last seven days, counted by WP-Cron and kept for the faces.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Conversations;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Finding;

/**
 * The overview card, the dashboard widget and `GET /activity` show the week from one option this class writes
 * when the lead poll runs (every five minutes, the poll's own event): no page ever waits for the API. Reading
 * re-checks what is known locally first (credentials, a paused copy, a token without `read:conversations`), so
 * the reason never lags behind a fix or a break the site can see by itself.
 *
 * A refresh that fails forgets the counts rather than keep a week that has moved on: the reason says why they
 * are unknown, and `refreshedAt` when that was found.
 *
 * @phpstan-type Reason 'missing_scope'|'not_connected'|'unavailable'
 * @phpstan-type Stored array{conversations: int|null, leads: int|null, since: int, refreshedAt: int, reason: Reason|null}
 * @phpstan-type Activity array{conversations: int|null, leads: int|null, since: string, refreshedAt: string|null, reason: Reason|null}
 */
final class Weekly_Activity {

	public const OPTION = 'causerie_connector_activity';

	/**
	 * The window counted, in seconds.
	 */
	public const WINDOW = 7 * DAY_IN_SECONDS;

	/**
	 * Why the counts are unknown.
	 */
	public const MISSING_SCOPE = 'missing_scope';
	public const NOT_CONNECTED = 'not_connected';
	public const UNAVAILABLE   = 'unavailable';

	public const REASONS = array( self::MISSING_SCOPE, self::NOT_CONNECTED, self::UNAVAILABLE );

	/**
	 * Constructor.
	 *
	 * @param Conversations_Api $api         The API's counts.
	 * @param Credential_Store  $credentials Whether the site is set up.
	 * @param Token_Store       $tokens      The token in hand, whose scopes say whether counting can work.
	 * @param Site_Binding      $binding     Whether this copy is paused.
	 */
	public function __construct(
		private readonly Conversations_Api $api,
		private readonly Credential_Store $credentials,
		private readonly Token_Store $tokens,
		private readonly Site_Binding $binding
	) {}

	/**
	 * Counts on the lead poll's event, which Lead_Poller schedules and removes.
	 */
	public function register(): void {
		add_action( Lead_Poller::HOOK, array( $this, 'run' ) );
	}

	/**
	 * The cron callback.
	 */
	public function run(): void {
		$this->refresh( time() );
	}

	/**
	 * Counts the seven days before `$now` through the API and keeps the answer. Calls nothing when the site
	 * itself knows the counts can't be had.
	 *
	 * @param int $now Unix time.
	 */
	public function refresh( int $now ): void {
		if ( null !== $this->local_reason() ) {
			return;
		}
		$since         = $now - self::WINDOW;
		$conversations = $this->api->count_since( Conversations_Api::CONVERSATIONS, $since );
		$leads         = $conversations instanceof Finding || null === $conversations ? $conversations : $this->api->count_since( Conversations_Api::LEADS, $since );
		$reason        = match ( true ) {
			$leads instanceof Finding && 'insufficient_scope' === $leads->code => self::MISSING_SCOPE,
			! is_int( $conversations ) || ! is_int( $leads )                   => self::UNAVAILABLE,
			default                                                            => null,
		};
		update_option(
			self::OPTION,
			array(
				'conversations' => null === $reason ? $conversations : null,
				'leads'         => null === $reason ? $leads : null,
				'since'         => $since,
				'refreshedAt'   => $now,
				'reason'        => $reason,
			),
			false
		);
	}

	/**
	 * The week as the faces show it, from the kept counts and what the site knows by itself.
	 *
	 * @param int $now Unix time, for the window when nothing was counted yet.
	 * @phpstan-return Activity
	 */
	public function current( int $now ): array {
		$stored  = $this->stored();
		$counted = null !== $stored && null !== $stored['conversations'] && null !== $stored['leads'];
		$reason  = $this->local_reason() ?? ( $counted ? null : ( $stored['reason'] ?? self::UNAVAILABLE ) );
		return array(
			'conversations' => null === $reason ? $stored['conversations'] ?? null : null,
			'leads'         => null === $reason ? $stored['leads'] ?? null : null,
			'since'         => gmdate( 'c', $stored['since'] ?? $now - self::WINDOW ),
			'refreshedAt'   => null === $stored ? null : gmdate( 'c', $stored['refreshedAt'] ),
			'reason'        => $reason,
		);
	}

	/**
	 * Why counting can't work, as far as the site knows without asking: not set up, a paused copy, or a token
	 * that lacks the scope. Null when only the API can tell.
	 *
	 * @phpstan-return Reason|null
	 */
	private function local_reason(): ?string {
		if ( ! $this->credentials->credentials()->is_complete() || $this->binding->is_paused() ) {
			return self::NOT_CONNECTED;
		}
		$token = $this->tokens->get();
		return null !== $token && ! in_array( Conversations_Api::SCOPE, $token->scopes, true ) ? self::MISSING_SCOPE : null;
	}

	/**
	 * The kept counts, or null when none were kept or they don't read as this class writes them.
	 *
	 * @phpstan-return Stored|null
	 */
	private function stored(): ?array {
		$stored = get_option( self::OPTION );
		if ( ! is_array( $stored ) || ! is_int( $stored['since'] ?? null ) || ! is_int( $stored['refreshedAt'] ?? null ) ) {
			return null;
		}
		$reason = $stored['reason'] ?? null;
		$count  = static fn( mixed $value ): ?int => is_int( $value ) && $value >= 0 ? $value : null;
		return array(
			'conversations' => $count( $stored['conversations'] ?? null ),
			'leads'         => $count( $stored['leads'] ?? null ),
			'since'         => $stored['since'],
			'refreshedAt'   => $stored['refreshedAt'],
			'reason'        => in_array( $reason, self::REASONS, true ) ? $reason : null,
		);
	}
}
