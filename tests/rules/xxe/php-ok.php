// bastion-fixture: app/Services/Import.php
// ok: xxe
<?php
$doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NONET);
