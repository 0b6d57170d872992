<?php
// bastion-fixture: public/directory.php
$user = $_GET['user'];
// expect: ldap-injection
$found = ldap_search($conn, 'ou=people,dc=example,dc=com', '(uid=' . $user . ')');
