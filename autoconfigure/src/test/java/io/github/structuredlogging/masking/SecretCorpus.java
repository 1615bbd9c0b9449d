package io.github.structuredlogging.masking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates realistic secrets of each class the masking must catch, each inside the phrase that carries it, and
 * realistic values that must never be masked. Generated from a seed, so a failure can be replayed.
 */
final class SecretCorpus {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String BASE64 = ALPHANUMERIC + "+/";

	private final SplittableRandom random;

	SecretCorpus(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** A secret and the phrase it is written in. */
	record Secret(String kind, String phrase, String secret) {

	}

	/** Class 1: card numbers of every length and brand, in every grouping, with digits before or after. */
	List<Secret> cardNumbers() {
		String[] prefixes = { "4", "51", "55", "2221", "34", "37", "6011", "4", "4" };
		int[] lengths = { 16, 16, 16, 16, 15, 15, 16, 13, 19 };
		String[] separators = { "", " ", "-", ".", "/", "\t", "\u00A0", "  ", " - " };
		String[] before = { "", "ref 12 ", "card: ", "paid with ", "(" };
		String[] after = { "", " 123", "-12/27", " exp 12/27", ")", ".", " cvv 123" };
		List<Secret> secrets = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			int brand = i % prefixes.length;
			String card = grouped(luhnValid(prefixes[brand], lengths[brand]), separators[i % separators.length]);
			secrets.add(new Secret("card", before[i % before.length] + card + after[i % after.length], card));
		}
		return secrets;
	}

	/** Class 2: values after secret key words, in every notation people and frameworks write pairs. */
	List<Secret> keyedSecrets() {
		String[] keys = { "password", "db_password", "newPassword", "passphrase", "pass", "client_secret",
				"app_secret", "refresh_token", "access_token", "private_key", "api_key", "pwd", "secret",
				"spring.datasource.password", "X-Api-Key", "credentials" };
		List<Secret> secrets = new ArrayList<>();
		int form = 0;
		for (String key : keys) {
			for (int repeat = 0; repeat < 2; repeat++) {
				String word = word(10, 16) + "!#";
				String spaced = word(6, 9) + " " + word(6, 9);
				switch (form++ % 10) {
					case 0 -> secrets.add(new Secret("keyed", "login " + key + "=" + word + " user=alice", word));
					case 1 -> secrets.add(new Secret("keyed", key + ": " + word, word));
					case 2 -> secrets.add(new Secret("keyed", "{:" + key + " => \"" + spaced + "\"}", spaced));
					case 3 -> secrets.add(new Secret("keyed", "{\"" + key + "\": \"" + spaced + "\", \"user\": 1}",
							spaced));
					case 4 -> secrets.add(new Secret("keyed", "{'" + key + "': '" + spaced + "'}", spaced));
					case 5 -> secrets.add(new Secret("keyed", "config " + key + "='" + spaced + "' loaded", spaced));
					case 6 -> secrets.add(new Secret("keyed",
							"body {\\\"" + key + "\\\":\\\"" + spaced + "\\\",\\\"user\\\":\\\"bob\\\"}", spaced));
					case 7 -> secrets.add(new Secret("keyed", "form a=1&" + key + "=" + word + "&b=2", word));
					case 8 -> secrets.add(new Secret("keyed", key + " = \"" + spaced + "\"", spaced));
					default -> secrets.add(new Secret("keyed", "<" + key + ">" + " " + key + "=>" + word, word));
				}
			}
		}
		return secrets;
	}

	/** Class 3: credentials recognisable without a key word. */
	List<Secret> credentialsWithoutKeyWord() {
		List<Secret> secrets = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String password = word(10, 16);
			secrets.add(new Secret("url", "connecting to postgres://app:" + password + "@db.internal:5432/orders",
					password));
			String redis = word(12, 20);
			secrets.add(new Secret("url", "redis://:" + redis + "@cache:6379/0 ready", redis));
			String jdbc = word(10, 14);
			secrets.add(new Secret("url", "url=jdbc:mysql://root:" + jdbc + "@mysql:3306/shop?useSSL=true", jdbc));
			String oracle = word(8, 12);
			secrets.add(new Secret("url", "jdbc:oracle:thin:scott/" + oracle + "@//ora:1521/XE", oracle));
			String basic = Base64.getEncoder()
				.encodeToString(("alice:" + word(10, 14)).getBytes(StandardCharsets.UTF_8));
			secrets.add(new Secret("authorization", "Authorization: Basic " + basic, basic));
			String bearer = word(30, 40);
			secrets.add(new Secret("authorization", "Authorization: Bearer " + bearer, bearer));
			String token = word(20, 30);
			secrets.add(new Secret("authorization", "Authorization: Token " + token, token));
			String session = word(24, 32);
			secrets.add(new Secret("cookie", "Cookie: SESSION=" + session + "; theme=dark", session));
			String jsession = word(24, 32).toUpperCase();
			secrets.add(new Secret("cookie", "Set-Cookie: JSESSIONID=" + jsession + "; Path=/; HttpOnly", jsession));
			String accessKey = "AKIA" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
			secrets.add(new Secret("aws", "using access key " + accessKey + " for s3", accessKey));
			String secretKey = awsSecretKey();
			secrets.add(new Secret("aws", "aws " + secretKey + " configured", secretKey));
			String body = pemBody();
			secrets.add(new Secret("pem", "key -----BEGIN RSA PRIVATE KEY-----\n" + body
					+ "\n-----END RSA PRIVATE KEY----- loaded", body));
			String github = "ghp_" + word(36, 36);
			secrets.add(new Secret("token", "git clone with " + github, github));
			String slack = "xoxb-" + digits(12) + "-" + digits(13) + "-" + word(24, 24);
			secrets.add(new Secret("token", "slack " + slack, slack));
			String stripe = "sk_live_" + word(24, 24);
			secrets.add(new Secret("token", "stripe key " + stripe, stripe));
			String jwt = jwt();
			secrets.add(new Secret("jwt", "id token " + jwt + " accepted", jwt));
		}
		return secrets;
	}

	/** Class 5: secrets between line and paragraph separators, NEL, C1 controls and DEL. */
	List<Secret> betweenLineSeparators() {
		List<Secret> secrets = new ArrayList<>();
		String[] separators = { "\u2028", "\u2029", "\u0085", "\u0090", "\u007F", "\u009B" };
		for (String separator : separators) {
			String word = word(10, 14);
			secrets.add(new Secret("separators", "ok" + separator + "password=" + word + separator + "forged", word));
			String card = grouped(luhnValid("4", 16), " ");
			secrets.add(new Secret("separators", separator + card + separator, card));
		}
		return secrets;
	}

	/** Class 6: session ids, as sent in a header. */
	List<String> sessionIds() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(word(24, 40));
		}
		return ids;
	}

	/** Values no pattern may touch: ids, numbers, addresses, URLs, prose about secrets without one. */
	List<String> nonSecrets() {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			values.add(new UUID(this.random.nextLong(), this.random.nextLong()).toString());
		}
		for (int i = 0; i < 20; i++) {
			values.add(String.valueOf(this.random.nextLong(1_600_000_000_000L, 1_990_000_000_000L)));
		}
		for (int i = 0; i < 10; i++) {
			values.add("at " + this.random.nextLong(1_600_000_000L, 1_990_000_000L) + " s");
		}
		for (int i = 0; i < 20; i++) {
			values.add("order " + luhnInvalid((i % 2 == 0) ? "4" : "5", 16));
		}
		for (int i = 0; i < 10; i++) {
			values.add("shipment " + digits(20) + " " + digits(3));
		}
		for (int i = 0; i < 15; i++) {
			values.add(this.random.nextInt(1, 255) + "." + this.random.nextInt(256) + "." + this.random.nextInt(256)
					+ "." + this.random.nextInt(256) + " " + this.random.nextInt(1, 255) + "."
					+ this.random.nextInt(256) + "." + this.random.nextInt(256) + "." + this.random.nextInt(256));
		}
		values.addAll(List.of("2001:db8:85a3::8a2e:370:7334", "fe80::1ff:fe23:4567:890a", "::1",
				"client 203.0.113.195:52344", "x-forwarded-for: 198.51.100.7, 203.0.113.9"));
		values.addAll(List.of("v2.13.4", "1.2.3-SNAPSHOT", "Spring Boot 4.1.2", "jdk-17.0.12+7", "build 2026.11.29.1432",
				"version 10.0.19045.3693", "release 2026.1.0-RC2", "Logback 1.5.21", "9.0.0.Final", "api v1.2"));
		for (int i = 0; i < 15; i++) {
			values.add(switch (i % 5) {
				case 0 -> "EUR " + this.random.nextInt(1, 99_999) + "." + this.random.nextInt(10, 99);
				case 1 -> "$" + this.random.nextInt(1, 999) + "," + this.random.nextInt(100, 999) + ","
						+ this.random.nextInt(100, 999) + ".00";
				case 2 -> "total " + this.random.nextInt(1_000_000, 99_999_999) + "." + this.random.nextInt(10, 99);
				case 3 -> "balance -" + this.random.nextInt(1, 9_999) + ".5";
				default -> "amount=" + this.random.nextInt(1, 9_999_999) + " cents";
			});
		}
		for (int i = 0; i < 10; i++) {
			values.add(String.format("2026-%02d-%02dT%02d:%02d:%02d.%03dZ", this.random.nextInt(1, 13),
					this.random.nextInt(1, 29), this.random.nextInt(24), this.random.nextInt(60),
					this.random.nextInt(60), this.random.nextInt(1000)));
		}
		values.addAll(List.of("29/11/2026 21:30", "2026-11-29 21:30:19,123", "Sun, 29 Nov 2026 21:30:19 GMT",
				"PT1H30M", "took 1234 ms", "payload 1048576 bytes", "timeout 30s", "22:15:07.123456789"));
		values.addAll(List.of("https://shop.example.com/api/v2/orders/123?page=2&size=50",
				"http://localhost:8080/actuator/health", "postgres://db.internal:5432/orders",
				"jdbc:postgresql://db:5432/app?sslmode=require", "https://example.com/reset-password?step=2",
				"GET /api/v2/customerAccounts/12345/invoices HTTP/1.1", "s3://bucket/path/to/object.json",
				"https://github.com/spring-projects/spring-boot/issues/12345",
				"redirect to https://login.example.com/oauth2/authorize?client_id=web&response_type=code",
				"mailto:support@example.com", "file:///var/log/app/app.log", "/var/log/app/app.log",
				"C:\\Program Files\\App\\app.exe", "ws://localhost:9000/socket", "https://cdn.example.com/a/b.js#L10",
				"amqp://rabbit:5672/vhost", "kafka:9092,kafka2:9092", "https://api.example.com:8443/v1/tokens/info",
				"http://[2001:db8::1]:8080/", "ftp://files.example.com/pub/readme.txt"));
		values.addAll(List.of("Password reset email sent to user 42", "User changed their password",
				"password must be at least 12 characters long", "passwordless login enabled for tenant 7",
				"Token expired for user 42", "secret rotation scheduled for tonight", "Invalid password for user alice",
				"Bearer tokens are validated by the gateway", "Basic authentication is disabled",
				"the api key was rotated yesterday", "session expired after 30 minutes", "cookie consent accepted",
				"Forgot password? Use the reset link", "password policy updated by admin",
				"3 failed password attempts for alice", "No token in request", "secretary notified about meeting",
				"bypass cache for this request", "passport check completed", "compass heading 270 degrees",
				"tokenizer loaded with 50000 entries", "Authorization failed for user bob",
				"tests passed: 42 of 42", "password field left empty", "private keys are kept in the vault"));
		for (int i = 0; i < 10; i++) {
			values.add("commit " + chars("0123456789abcdef", 40));
		}
		for (int i = 0; i < 5; i++) {
			values.add("sha256 " + chars("0123456789abcdef", 64));
		}
		values.addAll(List.of("digest 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
				"etag \"33a64df551425fcc55e4d42a148795d9f25f89d4\"", "request 62d2a533-0b90-47d6-b32c-0a559d3cb052",
				"trace 4bf92f3577b34da6a3ce929d0e0e4736", "span 00f067aa0ba902b7"));
		values.addAll(List.of("+49 30 12345678", "+1 (555) 123-4567", "call 030 1234 5678", "+44 20 7946 0958",
				"tel 0049-89-636-48018", "ISBN 978-3-16-148410-0", "ISBN 978-0-306-40615-7", "tracking 1Z999AA10123456784",
				"EAN 4006381333931", "GTIN 00012345600012"));
		values.addAll(List.of("user=alice", "status: ACTIVE", "retries=3", "Content-Type: application/json",
				"sort=created_at:desc", "page=2&size=50", "region: eu-central-1", "tenant => acme", "Accept: */*",
				"X-Request-Id: 7f3c2a10", "key=order:42", "cache-key: user:42:profile", "keyspace=orders",
				"token_count=512", "max_tokens=100", "password_changed_at=2026-11-29T10:00:00Z", "sessions: 17",
				"alice@example.com", "noreply@shop.example.com", "io.github.structuredlogging.sample.order.OrderService",
				"order-service-7f9c8d6b5-x2k4p", "ip-10-0-12-34.eu-central-1.compute.internal",
				"AKIA is the prefix of AWS access key ids", "error code E4111"));
		return values;
	}

	private String luhnValid(String prefix, int length) {
		String body = prefix + digits(length - prefix.length() - 1);
		for (int check = 0; check <= 9; check++) {
			if (passesLuhn(body + check)) {
				return body + check;
			}
		}
		throw new IllegalStateException();
	}

	private String luhnInvalid(String prefix, int length) {
		String valid = luhnValid(prefix, length);
		int last = valid.charAt(valid.length() - 1) - '0';
		return valid.substring(0, valid.length() - 1) + (last + 1 + this.random.nextInt(9)) % 10;
	}

	static boolean passesLuhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			sum += (i % 2 == 1) ? ((digit > 4) ? digit * 2 - 9 : digit * 2) : digit;
		}
		return sum % 10 == 0;
	}

	private static String grouped(String digits, String separator) {
		int[] groups = switch (digits.length()) {
			case 13 -> new int[] { 4, 4, 5 };
			case 15 -> new int[] { 4, 6, 5 };
			case 19 -> new int[] { 4, 4, 4, 4, 3 };
			default -> new int[] { 4, 4, 4, 4 };
		};
		StringBuilder grouped = new StringBuilder();
		int at = 0;
		for (int group : groups) {
			if (at > 0) {
				grouped.append(separator);
			}
			grouped.append(digits, at, at + group);
			at += group;
		}
		return grouped.toString();
	}

	private String awsSecretKey() {
		while (true) {
			String key = chars(ALPHANUMERIC, 1) + chars(BASE64, 39);
			if (key.chars().anyMatch(Character::isUpperCase) && key.chars().anyMatch(Character::isLowerCase)
					&& key.chars().anyMatch(Character::isDigit)) {
				return key;
			}
		}
	}

	private String pemBody() {
		StringBuilder body = new StringBuilder("MIIEpAIBAAKCAQEA");
		body.append(chars(BASE64, 48));
		for (int line = 0; line < 3; line++) {
			body.append('\n').append(chars(BASE64, 64));
		}
		return body.append('\n').append(chars(BASE64, 20)).append("==").toString();
	}

	private String jwt() {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String claims = encoder
			.encodeToString(("{\"sub\":\"" + word(8, 12) + "\",\"iat\":1764432000}").getBytes(StandardCharsets.UTF_8));
		return header + "." + claims + "." + chars(ALPHANUMERIC + "-_", 43);
	}

	/** Letters and digits with at least one digit and one capital, as generated passwords and tokens have. */
	String word(int minLength, int maxLength) {
		int length = this.random.nextInt(minLength, maxLength + 1);
		return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1) + chars(ALPHANUMERIC, length - 2) + chars("0123456789", 1);
	}

	String digits(int length) {
		return chars("0123456789", length);
	}

	private String chars(String alphabet, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

}
