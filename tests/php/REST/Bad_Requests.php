<?php
/**
 * Bad requests to the plugin's routes, for Bad_Input_Test.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

/**
 * One line per bad request: the method, the route under the namespace, the body (fields, which a GET sends as
 * its query, or a raw JSON text) and the field the refusal must name ('' when the request as a whole is at
 * fault). Every case is bad whatever the site's state; a new route adds a method here and a line in all().
 */
final class Bad_Requests {

	/**
	 * The development client's secret, sent beside a bad address so that only the address is at fault.
	 */
	private const SECRET = 'sandbox-development-secret';

	/**
	 * Every case, by name.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	public static function all(): array {
		return array_merge(
			self::whole_bodies(),
			self::client_fields(),
			self::addresses(),
			self::scopes_and_profiles(),
			self::verification(),
			self::alerts(),
			self::binding_notice_and_token(),
			self::sync(),
			self::reads(),
			self::conversations(),
			self::widget(),
			self::setup()
		);
	}

	/**
	 * Bodies that are not a JSON object of known fields.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function whole_bodies(): array {
		return array(
			'settings: body is a JSON array'            => array( 'POST', 'settings', '[{"clientId":"wp-staging"}]', '' ),
			'settings: body is a JSON string'           => array( 'POST', 'settings', '"clientId=wp-staging"', '' ),
			'settings: body is a JSON number'           => array( 'POST', 'settings', '42', '' ),
			'settings: body is JSON null'               => array( 'POST', 'settings', 'null', '' ),
			'settings: body is not JSON'                => array( 'POST', 'settings', '{"clientId": "wp-staging"', '' ),
			'settings: body nests deeper than JSON may' => array( 'POST', 'settings', str_repeat( '[', 600 ) . str_repeat( ']', 600 ), '' ),
			'settings: unknown field'                   => array( 'POST', 'settings', array( 'colour' => 'blue' ), 'colour' ),
			'settings: unknown field named like the secret' => array( 'POST', 'settings', array( 'secret' => self::SECRET ), 'secret' ),
			'settings: field name in the wrong case'    => array( 'POST', 'settings', array( 'ClientId' => 'wp-staging' ), 'ClientId' ),
			'settings: unknown field with a very long name' => array( 'POST', 'settings', array( str_repeat( 'x', 5000 ) => 1 ), str_repeat( 'x', 64 ) . '…' ),
			'settings: nothing to change'               => array( 'POST', 'settings', array(), '' ),
			'settings: unknown field (PUT)'             => array( 'PUT', 'settings', array( 'colour' => 'blue' ), 'colour' ),
			'settings: clientId is a number (PATCH)'    => array( 'PATCH', 'settings', array( 'clientId' => 42 ), 'clientId' ),
			'checks: unknown field'                     => array( 'POST', 'checks', array( 'force' => true ), 'force' ),
			'checks: body is a JSON array'              => array( 'POST', 'checks', '["configured"]', '' ),
		);
	}

	/**
	 * The client id and secret.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function client_fields(): array {
		$settings = static fn( string $field, mixed $value ): array => array( 'POST', 'settings', array( $field => $value ), $field );
		return array(
			'clientId is empty'                   => $settings( 'clientId', '' ),
			'clientId is only spaces'             => $settings( 'clientId', '   ' ),
			'clientId has a null byte'            => $settings( 'clientId', "wp-staging\0" ),
			'clientId has a trailing newline'     => $settings( 'clientId', "wp-staging\n" ),
			'clientId has a header after a line'  => $settings( 'clientId', "wp-staging\r\nX-Injected: 1" ),
			'clientId has a unicode look-alike'   => $settings( 'clientId', "w\u{0440}-staging" ),
			'clientId has markup'                 => $settings( 'clientId', '<img src=x onerror=alert(1)>' ),
			'clientId is a number'                => $settings( 'clientId', 42 ),
			'clientId is true'                    => $settings( 'clientId', true ),
			'clientId is a nested object'         => $settings( 'clientId', array( 'a' => array( 'b' => 'c' ) ) ),
			'clientId is very long'               => $settings( 'clientId', str_repeat( 'a', 10000 ) ),
			'clientSecret has a newline'          => $settings( 'clientSecret', "sandbox-development\nsecret" ),
			'clientSecret has a trailing newline' => $settings( 'clientSecret', self::SECRET . "\n" ),
			'clientSecret has a null byte'        => $settings( 'clientSecret', self::SECRET . "\0" ),
			'clientSecret has a tab'              => $settings( 'clientSecret', "sandbox\tdevelopment-secret" ),
			'clientSecret is only spaces'         => $settings( 'clientSecret', str_repeat( ' ', 12 ) ),
			'clientSecret has a non-ASCII letter' => $settings( 'clientSecret', 'sändbox-development-secret' ),
			'clientSecret is empty'               => $settings( 'clientSecret', '' ),
			'clientSecret is very long'           => $settings( 'clientSecret', str_repeat( 's', 600 ) ),
			'clientSecret is a list'              => $settings( 'clientSecret', array( self::SECRET ) ),
			'clientSecret is null'                => $settings( 'clientSecret', null ),
		);
	}

	/**
	 * The API address, the issuer and the token endpoint, each sent with the secret.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function addresses(): array {
		$address = static fn( string $field, mixed $value ): array => array(
			'POST',
			'settings',
			array(
				$field         => $value,
				'clientSecret' => self::SECRET,
			),
			$field,
		);
		return array(
			'apiUrl is a javascript: URL'           => $address( 'apiUrl', 'javascript:alert(1)' ),
			'apiUrl is a data: URL'                 => $address( 'apiUrl', 'data:text/html,<script>alert(1)</script>' ),
			'apiUrl is a file: URL'                 => $address( 'apiUrl', 'file:///etc/passwd' ),
			'apiUrl is an ftp URL'                  => $address( 'apiUrl', 'ftp://api.causerie.example' ),
			'apiUrl is plain http to a remote host' => $address( 'apiUrl', 'http://api.causerie.example' ),
			'apiUrl carries a user and password'    => $address( 'apiUrl', 'https://admin:hunter2@api.causerie.example' ),
			'apiUrl has a fragment'                 => $address( 'apiUrl', 'https://api.causerie.example/#x' ),
			'apiUrl has a query string'             => $address( 'apiUrl', 'https://api.causerie.example/?next=evil' ),
			'apiUrl is only spaces'                 => $address( 'apiUrl', '   ' ),
			'apiUrl is not a URL'                   => $address( 'apiUrl', 'causerie' ),
			'apiUrl is protocol-relative'           => $address( 'apiUrl', '//api.causerie.example' ),
			'apiUrl has a null byte'                => $address( 'apiUrl', "https://api.causerie.example\0.evil.example" ),
			'apiUrl has a newline'                  => $address( 'apiUrl', "https://api.causerie.example\n" ),
			'apiUrl is very long'                   => $address( 'apiUrl', 'https://api.causerie.example/' . str_repeat( 'a', 2100 ) ),
			'apiUrl is a number'                    => $address( 'apiUrl', 8877 ),
			'apiUrl is a list'                      => $address( 'apiUrl', array( 'https://api.causerie.example' ) ),
			'issuer is a javascript: URL'           => $address( 'issuer', 'javascript:alert(1)' ),
			'issuer is plain http to a remote host' => $address( 'issuer', 'http://auth.causerie.example' ),
			'issuer is a number'                    => $address( 'issuer', 1 ),
			'issuer is very long'                   => $address( 'issuer', 'https://auth.causerie.example/' . str_repeat( 'a', 2100 ) ),
			'tokenEndpoint has a query string'      => $address( 'tokenEndpoint', 'https://auth.causerie.example/token?grant_type=password' ),
			'tokenEndpoint carries credentials'     => $address( 'tokenEndpoint', 'https://u:p@auth.causerie.example/token' ),
			'tokenEndpoint is a list'               => $address( 'tokenEndpoint', array( 'https://auth.causerie.example/token' ) ),
			'tokenEndpoint has a tab'               => $address( 'tokenEndpoint', "https://auth.causerie.example/\ttoken" ),
		);
	}

	/**
	 * The scopes and the environment profile.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function scopes_and_profiles(): array {
		$settings = static fn( string $field, mixed $value ): array => array(
			'POST',
			'settings',
			array( $field => $value ) + ( 'environment' === $field ? array( 'clientId' => 'wp-staging' ) : array() ),
			$field,
		);
		return array(
			'scopes has an unknown scope'           => $settings( 'scopes', array( 'admin:all' ) ),
			'scopes is empty'                       => $settings( 'scopes', array() ),
			'scopes repeats a scope'                => $settings( 'scopes', array( 'read:widget', 'read:widget' ) ),
			'scopes lists an unknown scope in text' => $settings( 'scopes', 'read:widget,admin:all' ),
			'scopes holds a number'                 => $settings( 'scopes', array( 1 ) ),
			'scopes holds an object'                => $settings( 'scopes', array( array( 'scope' => 'read:widget' ) ) ),
			'scopes has a unicode look-alike'       => $settings( 'scopes', array( "read:w\u{0456}dget" ) ),
			'scopes in the wrong case'              => $settings( 'scopes', array( 'READ:WIDGET' ) ),
			'scopes is a number'                    => $settings( 'scopes', 5 ),
			'environment is not a known profile'    => $settings( 'environment', 'qa' ),
			'environment in the wrong case'         => $settings( 'environment', 'Production' ),
			'environment is empty'                  => $settings( 'environment', '' ),
			'environment is a list'                 => $settings( 'environment', array( 'production' ) ),
			'environment is a number'               => $settings( 'environment', 3 ),
		);
	}

	/**
	 * Trying credentials without saving them.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function verification(): array {
		return array(
			'verify: body is a JSON array'               => array( 'POST', 'settings/verify', '["clientId"]', '' ),
			'verify: unknown field'                      => array( 'POST', 'settings/verify', array( 'grant_type' => 'password' ), 'grant_type' ),
			'verify: clientSecret has a newline'         => array( 'POST', 'settings/verify', array( 'clientSecret' => self::SECRET . "\n" ), 'clientSecret' ),
			'verify: clientId is a number'               => array( 'POST', 'settings/verify', array( 'clientId' => 7 ), 'clientId' ),
			'verify: apiUrl is a javascript: URL'        => array(
				'POST',
				'settings/verify',
				array(
					'apiUrl'       => 'javascript:alert(1)',
					'clientSecret' => self::SECRET,
				),
				'apiUrl',
			),
			'verify: scopes has an unknown scope'        => array( 'POST', 'settings/verify', array( 'scopes' => array( 'admin:all' ) ), 'scopes' ),
			'verify: environment is not a known profile' => array( 'POST', 'settings/verify', array( 'environment' => 'qa' ), 'environment' ),
		);
	}

	/**
	 * The alert emails' address, through each method the route takes.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function alerts(): array {
		$email = static fn( mixed $value, string $method = 'POST' ): array => array( $method, 'alerts', array( 'alertEmail' => $value ), 'alertEmail' );
		return array(
			'alert email is not an address'          => $email( 'not-an-email' ),
			'alert email is two addresses'           => $email( 'a@example.com, b@example.com' ),
			'alert email injects a Bcc header'       => $email( "a@example.com\nBcc: x@example.com" ),
			'alert email has a null byte'            => $email( "a@example.com\0" ),
			'alert email has a unicode look-alike'   => $email( "admin@ex\u{0430}mple.com" ),
			'alert email has a full-width at sign'   => $email( "admin\u{FF20}example.com" ),
			'alert email has markup'                 => $email( '<script>@example.com' ),
			'alert email is very long'               => $email( str_repeat( 'a', 250 ) . '@example.com' ),
			'alert email is a number'                => $email( 12 ),
			'alert email is a list'                  => $email( array( 'a@example.com' ) ),
			'alert email is null'                    => $email( null ),
			'alert email is missing'                 => array( 'POST', 'alerts', array(), 'alertEmail' ),
			'alerts: unknown field beside the email' => array(
				'POST',
				'alerts',
				array(
					'alertEmail' => 'ops@example.com',
					'cc'         => 'evil@example.com',
				),
				'cc',
			),
			'alerts: body is a JSON string'          => array( 'POST', 'alerts', '"ops@example.com"', '' ),
			'alert email is not an address (PUT)'    => $email( 'nobody', 'PUT' ),
			'alert email has a newline (PATCH)'      => $email( "ops@example.com\r\n", 'PATCH' ),
		);
	}

	/**
	 * The binding, the notice and the token's regeneration.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function binding_notice_and_token(): array {
		$action     = static fn( mixed $value ): array => array( 'POST', 'binding', array( 'action' => $value ), 'action' );
		$key        = static fn( mixed $value ): array => array( 'POST', 'notice/dismiss', array( 'key' => $value ), 'key' );
		$request_id = static fn( mixed $value ): array => array( 'POST', 'token/regenerate', array( 'requestId' => $value ), 'requestId' );
		return array(
			'binding action is not a known action'     => $action( 'delete' ),
			'binding action in the wrong case'         => $action( 'PAUSE' ),
			'binding action has a trailing null byte'  => $action( "pause\0" ),
			'binding action is a list'                 => $action( array( 'pause' ) ),
			'binding action is a number'               => $action( 1 ),
			'binding action is missing'                => array( 'POST', 'binding', array(), 'action' ),
			'binding: unknown field beside the action' => array(
				'POST',
				'binding',
				array(
					'action'  => 'pause',
					'siteUrl' => 'https://evil.example',
				),
				'siteUrl',
			),
			'notice key is not hex'                    => $key( str_repeat( 'z', 32 ) ),
			'notice key is too short'                  => $key( 'abc123' ),
			'notice key is upper-case hex'             => $key( str_repeat( 'A', 32 ) ),
			'notice key has a trailing newline'        => $key( str_repeat( 'a', 32 ) . "\n" ),
			'notice key is a number'                   => $key( 1234 ),
			'notice key is missing'                    => array( 'POST', 'notice/dismiss', array(), 'key' ),
			'notice: unknown field beside the key'     => array(
				'POST',
				'notice/dismiss',
				array(
					'key'    => str_repeat( 'a', 32 ),
					'userId' => 1,
				),
				'userId',
			),
			'requestId is missing'                     => array( 'POST', 'token/regenerate', array(), 'requestId' ),
			'requestId is too short'                   => $request_id( 'abc' ),
			'requestId is very long'                   => $request_id( str_repeat( 'a', 65 ) ),
			'requestId has a space'                    => $request_id( 'click one' ),
			'requestId has a trailing newline'         => $request_id( "click-0001\n" ),
			'requestId is a number'                    => $request_id( 12345678 ),
			'regenerate: unknown field'                => array(
				'POST',
				'token/regenerate',
				array(
					'requestId' => 'click-0001',
					'scope'     => 'admin:all',
				),
				'scope',
			),
		);
	}

	/**
	 * The knowledge sync's actions: only the post types take a field.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function sync(): array {
		$types = static fn( mixed $value ): array => array( 'PUT', 'sync/types', array( 'postTypes' => $value ), 'postTypes' );
		return array(
			'sync/full: unknown field'                  => array( 'POST', 'sync/full', array( 'force' => true ), 'force' ),
			'sync/full: unknown field (DELETE)'         => array( 'DELETE', 'sync/full', array( 'runId' => 1 ), 'runId' ),
			'sync/run: unknown field'                   => array( 'POST', 'sync/run', array( 'seconds' => 600 ), 'seconds' ),
			'sync/retry: unknown field'                 => array( 'POST', 'sync/retry', array( 'postId' => 1 ), 'postId' ),
			'sync/reconcile: unknown field'             => array( 'POST', 'sync/reconcile', array( 'delete' => true ), 'delete' ),
			'sync/types: postTypes is missing'          => array( 'PUT', 'sync/types', array(), 'postTypes' ),
			'sync/types: postTypes is a string'         => $types( 'page' ),
			'sync/types: an unknown post type'          => $types( array( 'page', 'shop_order' ) ),
			'sync/types: attachments are never sent'    => $types( array( 'attachment' ) ),
			'sync/types: a post type in the wrong case' => $types( array( 'Page' ) ),
			'sync/types: a post type twice'             => $types( array( 'page', 'page' ) ),
			'sync/types: a post type is a number'       => $types( array( 1 ) ),
			'sync/types: a post type has a newline'     => $types( array( "page\n" ) ),
			'sync/remove: no confirmation'              => array( 'POST', 'sync/remove', array(), 'confirm' ),
			'sync/remove: confirmation refused'         => array( 'POST', 'sync/remove', array( 'confirm' => false ), 'confirm' ),
			'sync/remove: confirmation as words'        => array( 'POST', 'sync/remove', array( 'confirm' => 'yes' ), 'confirm' ),
			'sync/types: unknown field beside'          => array(
				'PUT',
				'sync/types',
				array(
					'postTypes' => array( 'page' ),
					'siteId'    => 2,
				),
				'siteId',
			),
		);
	}

	/**
	 * The widget's settings: refused whole, before anything reaches the API.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function widget(): array {
		$put        = static fn( mixed $settings ): array => array( 'PUT', 'widget', array( 'settings' => $settings ), 'settings' );
		$appearance = static fn( string $key, mixed $value ): array => $put( array( 'appearance' => array( $key => $value ) ) );
		return array(
			'widget: settings is missing'             => array( 'PUT', 'widget', array(), 'settings' ),
			'widget: settings is a string'            => $put( 'enabled=1' ),
			'widget: settings is a list'              => $put( array( true ) ),
			'widget: a field beside settings'         => array(
				'PUT',
				'widget',
				array(
					'settings' => array( 'placement' => 'manual' ),
					'enabled'  => true,
				),
				'enabled',
			),
			'widget: an unknown setting'              => $put( array( 'theme' => 'dark' ) ),
			'widget: enabled is a word'               => $put( array( 'enabled' => 'yes' ) ),
			'widget: placement is not a placement'    => $put( array( 'placement' => 'footer' ) ),
			'widget: types is a string'               => $put( array( 'types' => 'page' ) ),
			'widget: a post type that does not exist' => $put( array( 'types' => array( 'shop_order' ) ) ),
			'widget: a post type in the wrong case'   => $put( array( 'types' => array( 'Page' ) ) ),
			'widget: a post type twice'               => $put( array( 'types' => array( 'page', 'page' ) ) ),
			'widget: a post type is a number'         => $put( array( 'types' => array( 7 ) ) ),
			'widget: an excluded post id is zero'     => $put( array( 'exclude' => array( 0 ) ) ),
			'widget: an excluded post id is a word'   => $put( array( 'exclude' => array( 'home' ) ) ),
			'widget: an excluded post twice'          => $put( array( 'exclude' => array( 2, 2 ) ) ),
			'widget: too many excluded posts'         => $put( array( 'exclude' => range( 1, 201 ) ) ),
			'widget: a colour by name'                => $appearance( 'color', 'red' ),
			'widget: a colour with CSS after it'      => $appearance( 'color', '#2271b1;background:url(x)' ),
			'widget: a colour in three digits'        => $appearance( 'color', '#fff' ),
			'widget: a position that is not one'      => $appearance( 'position', 'top-left' ),
			'widget: a greeting too long'             => $appearance( 'greeting', str_repeat( 'a', 201 ) ),
			'widget: a greeting with a line break'    => $appearance( 'greeting', "Hello\nthere" ),
			'widget: a launcher text too long'        => $appearance( 'launcherText', str_repeat( 'a', 41 ) ),
			'widget: an unknown appearance'           => $appearance( 'font', 'serif' ),
			'widget: consent is not a choice'         => $put( array( 'consent' => 'always' ) ),
			'widget: body is a JSON array'            => array( 'PUT', 'widget', '[{"settings":{"enabled":true}}]', '' ),
		);
	}

	/**
	 * Reads with bad arguments: they too must change nothing and call nothing.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function reads(): array {
		return array(
			'token: reveal is not a boolean'            => array( 'GET', 'token', array( 'reveal' => 'maybe' ), 'reveal' ),
			'jwks: kid is very long'                    => array( 'GET', 'jwks', array( 'kid' => str_repeat( 'k', 257 ) ), 'kid' ),
			'jwks: kid has a newline'                   => array( 'GET', 'jwks', array( 'kid' => "key-1\n" ), 'kid' ),
			'events: limit is zero'                     => array( 'GET', 'events', array( 'limit' => 0 ), 'limit' ),
			'events: limit is too high'                 => array( 'GET', 'events', array( 'limit' => 201 ), 'limit' ),
			'events: limit is not a number'             => array( 'GET', 'events', array( 'limit' => 'many' ), 'limit' ),
			'events: kind is not a known kind'          => array( 'GET', 'events', array( 'kind' => 'secrets' ), 'kind' ),
			'site health: test is not a known test'     => array( 'GET', 'site-health/everything', array(), 'test' ),
			'site health: burst has a space'            => array( 'GET', 'site-health/connection', array( 'burst' => 'a b' ), 'burst' ),
			'site health: burst has a trailing newline' => array( 'GET', 'site-health/connection', array( 'burst' => "page-1\n" ), 'burst' ),
		);
	}

	/**
	 * The conversations' and leads' reads, and the lead emails' setting.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function conversations(): array {
		$notify = static fn( string $mode, mixed $email ): array => array(
			'PUT',
			'leads/notifications',
			array(
				'mode'  => $mode,
				'email' => $email,
			),
			'email',
		);
		return array(
			'conversations: limit is zero'                 => array( 'GET', 'conversations', array( 'limit' => 0 ), 'limit' ),
			'conversations: limit is over the API\'s'      => array( 'GET', 'conversations', array( 'limit' => 101 ), 'limit' ),
			'conversations: cursor has a slash'            => array( 'GET', 'conversations', array( 'cursor' => '../v1/me' ), 'cursor' ),
			'conversations: cursor has a trailing newline' => array( 'GET', 'conversations', array( 'cursor' => "bDo0Mg\n" ), 'cursor' ),
			'leads: cursor has an ampersand'               => array( 'GET', 'leads', array( 'cursor' => 'bDo0Mg&limit=1' ), 'cursor' ),
			'leads: limit is not a number'                 => array( 'GET', 'leads', array( 'limit' => 'all' ), 'limit' ),
			'lead emails: mode is not a known mode'        => array( 'PUT', 'leads/notifications', array( 'mode' => 'weekly' ), 'mode' ),
			'lead emails: mode is not a known mode (POST)' => array( 'POST', 'leads/notifications', array( 'mode' => 'hourly' ), 'mode' ),
			'lead emails: mode is a number (PATCH)'        => array( 'PATCH', 'leads/notifications', array( 'mode' => 1 ), 'mode' ),
			'lead emails: mode is missing'                 => array( 'PUT', 'leads/notifications', array( 'email' => 'sales@example.org' ), 'mode' ),
			'lead emails: email is not an address'         => $notify( 'instant', 'sales' ),
			'lead emails: email injects a Bcc header'      => $notify( 'instant', "sales@example.org\nBcc: x@example.com" ),
			'lead emails: email is a list'                 => $notify( 'daily', array( 'sales@example.org' ) ),
			'lead emails: unknown field beside the mode'   => array(
				'PUT',
				'leads/notifications',
				array(
					'mode' => 'instant',
					'cc'   => 'evil@example.com',
				),
				'cc',
			),
		);
	}

	/**
	 * The first run's discovery of an API address.
	 *
	 * @return array<string, array{string, string, array<string, mixed>|string, string}>
	 */
	private static function setup(): array {
		$discover = static fn( mixed $value ): array => array( 'POST', 'setup/discovery', array( 'apiUrl' => $value ), 'apiUrl' );
		return array(
			'setup discovery: apiUrl is missing'           => array( 'POST', 'setup/discovery', array(), 'apiUrl' ),
			'setup discovery: apiUrl is empty'             => $discover( '' ),
			'setup discovery: apiUrl is a javascript: URL' => $discover( 'javascript:alert(1)' ),
			'setup discovery: apiUrl is the metadata service' => $discover( 'http://169.254.169.254/latest' ),
			'setup discovery: apiUrl is plain http to a remote host' => $discover( 'http://api.causerie.example' ),
			'setup discovery: apiUrl has a query string'   => $discover( 'https://api.causerie.example/?next=evil' ),
			'setup discovery: apiUrl has a newline'        => $discover( "https://api.causerie.example\n" ),
			'setup discovery: apiUrl is very long'         => $discover( 'https://api.causerie.example/' . str_repeat( 'a', 2100 ) ),
			'setup discovery: apiUrl is a list'            => $discover( array( 'https://api.causerie.example' ) ),
			'setup discovery: unknown field beside the address' => array(
				'POST',
				'setup/discovery',
				array(
					'apiUrl'       => 'https://api.causerie.example',
					'clientSecret' => self::SECRET,
				),
				'clientSecret',
			),
			'setup discovery: body is a JSON string'       => array( 'POST', 'setup/discovery', '"https://api.causerie.example"', '' ),
		);
	}
}
