import { sellerOf, type ApiBody, type CallContext, type RouteTable } from '../core/api-types.ts';
import { getCategoryAttributes, getCategoryTree, queryBrands } from './category-api.ts';
import { getImageResponse, migrateImage, migrateImages, uploadImage } from './image-api.ts';
import { getProductItem, getProducts } from './product-read.ts';
import { createProduct, updateProduct } from './product-write.ts';
import { removeProducts, updatePriceQuantity } from './stock-api.ts';

/** `GET /seller/get`: the authorized seller on this site. */
function getSeller(ctx: CallContext): ApiBody {
  const seller = ctx.rt.store.sellers.get(ctx.account ?? '')!;
  const ids = seller.sites[ctx.site.key]!;
  return {
    data: {
      name: seller.name,
      name_company: `${seller.name} Co., Ltd.`,
      seller_id: Number(sellerOf(ctx)),
      short_code: ids.shortCode,
      email: seller.account,
      location: seller.crossBorder ? 'Korea' : ctx.site.countryName,
      cb: seller.crossBorder,
      status: seller.status,
      verified: true,
      marketplaceEaseMode: false,
    },
  };
}

export const CATALOG_ROUTES: RouteTable = {
  '/category/tree/get': { auth: 'optional', handle: getCategoryTree },
  '/category/attributes/get': { auth: 'optional', handle: getCategoryAttributes },
  '/category/brands/query': { auth: 'optional', handle: queryBrands },
  '/product/create': { auth: 'seller', handle: createProduct },
  '/product/update': { auth: 'seller', handle: updateProduct },
  '/products/get': { auth: 'seller', handle: getProducts },
  '/product/item/get': { auth: 'seller', handle: getProductItem },
  '/product/price_quantity/update': { auth: 'seller', handle: updatePriceQuantity },
  '/product/remove': { auth: 'seller', handle: removeProducts },
  '/image/migrate': { auth: 'seller', handle: migrateImage },
  '/images/migrate': { auth: 'seller', handle: migrateImages },
  '/image/response/get': { auth: 'seller', handle: getImageResponse },
  '/image/upload': { auth: 'seller', handle: uploadImage },
  '/seller/get': { auth: 'seller', handle: getSeller },
};
