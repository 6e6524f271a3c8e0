/** The talent scout's pages: the suggestions inbox, the pipeline board by stage, ambassador coverage and the funnel. */
package nl.instroom.portal.scout;
