<?php
// bastion-fixture: src/Action/SearchAction.php
namespace App\Action;

use Psr\Http\Message\ResponseInterface as Response;
use Psr\Http\Message\ServerRequestInterface as Request;

final class SearchAction
{
    public function __invoke(Request $request, Response $response): Response
    {
        $q = $request->getQueryParams()['q'] ?? '';
        $html = '<h1>Results for "' . $q . '"</h1>';
// expect: reflected-xss
        $response->getBody()->write($html);
        return $response;
    }
}
