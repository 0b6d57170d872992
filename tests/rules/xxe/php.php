// bastion-fixture: app/Services/Import.php
<?php
// expect: xxe
$doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);
