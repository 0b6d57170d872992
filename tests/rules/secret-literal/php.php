<?php
// bastion-fixture: app/Services/MailboxClient.php
namespace App\Services;

class MailboxClient
{
    public function connect(): void
    {
// expect: secret-literal
        $password = 'Wq7#nRz4Lp9v';
        $this->imap->login('ops@acme.io', $password);
    }
}
