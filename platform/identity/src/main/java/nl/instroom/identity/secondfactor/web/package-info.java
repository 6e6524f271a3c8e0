/** The second-factor pages and the filter that takes their forms into the sign-in. */
package nl.instroom.identity.secondfactor.web;
