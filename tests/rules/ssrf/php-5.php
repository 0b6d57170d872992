<?php
// bastion-fixture: modules/feeds/FeedController.php
// Opened for reading, the request's URL is fetched by the http wrapper.
class FeedController
{
    public function preview()
    {
        $url = $_GET['feed'];
// expect: ssrf
        $in = fopen($url, 'rb');
        echo htmlspecialchars(stream_get_contents($in));
    }
}
