<?php
// bastion-fixture: public/users.php
$name = $_GET['name'];
$xpath = new DOMXPath($doc);
// expect: xpath-injection
$nodes = $xpath->query("//user[@name='" . $name . "']");
