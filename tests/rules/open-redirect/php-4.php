// bastion-fixture: src/Controller/BookmarkController.php
<?php

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\Request;

class BookmarkController extends AbstractController
{
    public function archive(Request $request)
    {
        // The project's redirect helper exists to send the user to the URL it is given:
        // it is the redirect, and the finding stays inline.
        $target = $this->redirectHelper->to($request->query->get('redirect'));

        // expect: open-redirect
        return $this->redirect($target);
    }

    public function share(Request $request)
    {
        // A link the share service builds for the slug: its code is not in this change.
        $link = $this->shareService->resolve($request->query->get('slug'));

        // expect: open-redirect
        return $this->redirect($link);
    }
}
