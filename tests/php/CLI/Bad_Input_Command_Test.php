<?php
/**
 * Bad input to every command that writes.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\CLI;

use Causerie\Connector\CLI\Exit_Code;
use Causerie\Connector\Tests\Sandbox;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * On a connected site, each bad command line exits 1 with a message on STDERR that names the field or option
 * at fault, leaves every stored row of the plugin as it was, and makes no request to the API.
 */
final class Bad_Input_Command_Test extends Command_TestCase {

	/**
	 * The environment variable the cases read a secret from.
	 */
	private const SECRET_ENV = 'CAUSERIE_TEST_SECRET';

	/**
	 * Bad command lines: the arguments after `wp causerie`, STDIN, the secret in SECRET_ENV, and the name the
	 * error must mention. One line per case; a new command that writes adds its own.
	 *
	 * @return array<string, array{array<string>, string, string, string}>
	 */
	public static function bad_command_lines(): array {
		$set    = static fn( string ...$options ): array => array_merge( array( 'credentials', 'set' ), $options );
		$secret = '--secret-env=' . self::SECRET_ENV;
		return array(
			'client id is empty'                        => array( $set( '--client-id=' ), '', '', 'clientId' ),
			'client id has a space'                     => array( $set( '--client-id=wp staging' ), '', '', 'clientId' ),
			'client id is given no value'               => array( $set( '--client-id' ), '', '', '--client-id' ),
			'client id has a unicode look-alike'        => array( $set( "--client-id=w\u{0440}-staging" ), '', '', 'clientId' ),
			'api url is a javascript: URL'              => array( $set( '--api-url=javascript:alert(1)', $secret ), '', self::SECRET, 'apiUrl' ),
			'api url is plain http to a remote host'    => array( $set( '--api-url=http://api.causerie.example', $secret ), '', self::SECRET, 'apiUrl' ),
			'api url carries a user and password'       => array( $set( '--api-url=https://u:p@api.causerie.example', $secret ), '', self::SECRET, 'apiUrl' ),
			'issuer has a query string'                 => array( $set( '--issuer=https://auth.causerie.example/?a=1', $secret ), '', self::SECRET, 'issuer' ),
			'token endpoint is not a URL'               => array( $set( '--token-endpoint=token', $secret ), '', self::SECRET, 'tokenEndpoint' ),
			'scopes has an unknown scope'               => array( $set( '--scopes=read:widget,admin:all' ), '', '', 'scopes' ),
			'scopes is only commas'                     => array( $set( '--scopes=,,' ), '', '', 'scopes' ),
			'scopes repeats a scope'                    => array( $set( '--scopes=read:widget,read:widget' ), '', '', 'scopes' ),
			'environment is not a known profile'        => array( $set( '--environment=qa', '--client-id=wp-staging' ), '', '', 'environment' ),
			'secret from STDIN has a line break inside' => array( $set( '--secret-stdin' ), "sandbox-development\nsecret\n", '', 'clientSecret' ),
			'secret from STDIN has a null byte'         => array( $set( '--secret-stdin' ), self::SECRET . "\0x\n", '', 'clientSecret' ),
			'secret from the environment is too short'  => array( $set( $secret ), '', 'short', 'clientSecret' ),
			'secret from the environment has a space'   => array( $set( $secret ), '', 'has a space inside', 'clientSecret' ),
			'secret variable name is not a name'        => array( $set( '--secret-env=1-BAD' ), '', '', '--secret-env' ),
			'secret variable is not set'                => array( $set( '--secret-env=CAUSERIE_NO_SUCH_VARIABLE' ), '', '', '--secret-env' ),
			'secret from both STDIN and a variable'     => array( $set( '--secret-stdin', $secret ), self::SECRET, self::SECRET, '--secret-env' ),
			'credentials: unknown option'               => array( $set( '--colour=blue' ), '', '', 'colour' ),
			'credentials: format is not a known one'    => array( $set( '--client-id=wp-staging', '--format=xml' ), '', '', 'format' ),
			'regenerate: unknown option'                => array( array( 'regenerate', '--scope=admin:all' ), '', '', 'scope' ),
			'regenerate: format is not a known one'     => array( array( 'regenerate', '--format=yaml' ), '', '', 'format' ),
			'token refresh: format is not a known one'  => array( array( 'token', 'refresh', '--format=xml' ), '', '', 'format' ),
			'check: format is not a known one'          => array( array( 'check', '--format=html' ), '', '', 'format' ),
		);
	}

	/**
	 * A bad command line exits 1 naming its field or option, stores nothing and calls nothing.
	 *
	 * @param string[] $args   Arguments after `wp causerie`.
	 * @param string   $stdin  What to pipe in.
	 * @param string   $secret The value of SECRET_ENV; unset when empty.
	 * @param string   $named  What STDERR must mention.
	 */
	#[DataProvider( 'bad_command_lines' )]
	public function test_bad_input_exits_1_naming_the_field_and_changes_nothing( array $args, string $stdin, string $secret, string $named ): void {
		$this->connect();
		$before   = Wp_Cli::stored();
		$requests = Sandbox::requests();

		$run = $this->wp( $args, $stdin, '' === $secret ? array() : array( self::SECRET_ENV => $secret ) );

		self::assertSame( Exit_Code::FAILED, $run['status'], $run['stdout'] . $run['stderr'] );
		self::assertMatchesRegularExpression( '/^Error: /m', $run['stderr'] );
		self::assertStringContainsString( $named, $run['stderr'] );
		self::assertSame( '', $run['stdout'] );
		self::assertSame( $before, Wp_Cli::stored() );
		self::assertSame( $requests, Sandbox::requests(), 'a request reached the API' );
		self::assertStringNotContainsString( self::SECRET, $run['stderr'] );
	}
}
