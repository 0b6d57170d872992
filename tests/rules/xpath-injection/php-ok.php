<?php
// bastion-fixture: public/users.php
$name = $_GET['name'];
$xpath = new DOMXPath($doc);
// ok: xpath-injection
$nodes = $xpath->query("//user[@id=" . intval($name) . "]");
