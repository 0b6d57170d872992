<?php
// bastion-fixture: public/directory.php
$user = ldap_escape($_GET['user'], '', LDAP_ESCAPE_FILTER);
// ok: ldap-injection
$found = ldap_search($conn, 'ou=people,dc=example,dc=com', '(uid=' . $user . ')');
