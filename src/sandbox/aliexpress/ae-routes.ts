import type { RouteTable } from '../core/api-types.ts';
import { acceptCancel, refuseCancel } from './ae-cancel.ts';
import { categoryChildren, skuAttributeQuery } from './ae-catalog.ts';
import { createWarehouseOrder, fulfill, getPrintInfo, listLogisticsServices } from './ae-logistics.ts';
import { offlineProducts } from './ae-offline.ts';
import { uploadToPhotobank } from './ae-photobank.ts';
import { getOrderInfo, getOrders } from './ae-orders.ts';
import { listProducts, productInfo } from './ae-product-read.ts';
import { editProduct, postProduct } from './ae-products.ts';
import { batchUpdate } from './ae-stock.ts';

/** AliExpress `/sync` methods (TOP style, signed without a path prefix), by published method name. */
export const AE_METHODS: RouteTable = {
  'aliexpress.solution.seller.category.tree.query': { auth: 'optional', handle: categoryChildren },
  'aliexpress.solution.sku.attribute.query': { auth: 'optional', handle: skuAttributeQuery },
  'aliexpress.solution.product.post': { auth: 'seller', handle: postProduct },
  'aliexpress.solution.product.edit': { auth: 'seller', handle: editProduct },
  'aliexpress.solution.product.list.get': { auth: 'seller', handle: listProducts },
  'aliexpress.solution.product.info.get': { auth: 'seller', handle: productInfo },
  'aliexpress.solution.batch.product.price.update': { auth: 'seller', handle: batchUpdate('price') },
  'aliexpress.solution.batch.product.inventory.update': { auth: 'seller', handle: batchUpdate('inventory') },
  'aliexpress.photobank.redefining.uploadimageforsdk': { auth: 'seller', handle: uploadToPhotobank },
  'aliexpress.postproduct.redefining.offlineaeproduct': { auth: 'seller', handle: offlineProducts },
  'aliexpress.solution.order.get': { auth: 'seller', handle: getOrders },
  'aliexpress.solution.order.info.get': { auth: 'seller', handle: getOrderInfo },
  'aliexpress.logistics.redefining.listlogisticsservice': { auth: 'seller', handle: listLogisticsServices },
  'aliexpress.logistics.createwarehouseorder': { auth: 'seller', handle: createWarehouseOrder },
  'aliexpress.logistics.redefining.getprintinfo': { auth: 'seller', handle: getPrintInfo },
  'aliexpress.solution.order.fulfill': { auth: 'seller', handle: fulfill },
  'aliexpress.trade.seller.order.acceptcancel': { auth: 'seller', handle: acceptCancel },
  'aliexpress.trade.seller.order.refusecancel': { auth: 'seller', handle: refuseCancel },
};
