/** Small technical helpers shared by the features: streaming JDBC fetch sizes, safe file names. */
package com.salesops.packets.support;
