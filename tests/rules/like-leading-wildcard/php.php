// bastion-fixture: app/Http/Controllers/ProductController.php
<?php
class ProductController {
  public function index($q) {
// expect: like-leading-wildcard
    return Product::where('name', 'like', "%{$q}%")->get();
  }
}
