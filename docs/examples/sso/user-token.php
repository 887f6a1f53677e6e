<?php
function chime_b64url(string $data): string
{
    return rtrim(strtr(base64_encode($data), '+/', '-_'), '=');
}

/**
 * The value of <chime-comments user-token="..."> for a signed-in user of your site.
 * $secret is the comment server's CHIME_SSO_SECRET: keep it on your server, never in a page.
 */
function chime_user_token(array $user, string $secret, int $lifetime_seconds = 7200): string
{
    $now = time();
    $payload = [
        'id' => (string) $user['id'],
        'name' => $user['name'],
        'email' => $user['email'] ?? null,
        'avatar' => $user['avatar'] ?? null, // an https URL, or null
        'iat' => $now,
        'exp' => $now + $lifetime_seconds,
    ];
    $json = json_encode($payload, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
    $signed = 'v1.' . chime_b64url($json);
    return $signed . '.' . chime_b64url(hash_hmac('sha256', $signed, $secret, true));
}
