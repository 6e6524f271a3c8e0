/** The sign-in pages (server-rendered, no script). */
package nl.instroom.identity.signin.web;
