// bastion-fixture: app/src/Service/SecretManagerService.php
<?php
// ok: hardcoded-credentials
class SecretManagerService
{
    public const string PRIVATE_JWT_KEY_BASE64_SECRET_NAME = 'private-jwt-key-base64';
    protected const string RECREATE_USER_TOKEN_ENDPOINT = 'user/recreate-token/%s';
    public const string RESET_PASSWORD_TEMPLATE_ID = '827555cc-498a-43ef-957a-63fa387065e3';
}
