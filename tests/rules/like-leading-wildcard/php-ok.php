// bastion-fixture: app/Http/Controllers/ProductController.php
// ok: like-leading-wildcard
<?php
class ProductController {
  public function index($q) {
    return Product::where('name', 'like', "{$q}%")->get();
  }
}
