/** The HTTP API: the only package that speaks Javalin. Controllers do client IO and nothing else. */
package org.servicestandards.http;

