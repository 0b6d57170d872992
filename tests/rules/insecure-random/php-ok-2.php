// bastion-fixture: src/Security/DiscordAuthenticator.php
<?php
// ok: insecure-random
class DiscordAuthenticator
{
    // The random suffix only keeps a new username unique; the password written into the
    // same object later comes from random_bytes.
    public function register($slugger, $discordUser)
    {
        $dto = (new UserDto())->create(
            $slugger->slug($discordUser->getUsername()).rand(1, 999),
            $discordUser->getEmail()
        );
        $dto->plainPassword = bin2hex(random_bytes(20));
        return $dto;
    }
}
